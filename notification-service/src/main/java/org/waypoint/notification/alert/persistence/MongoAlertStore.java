package org.waypoint.notification.alert.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import org.waypoint.notification.alert.application.AlertStore;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.Audience;

/**
 * Alerts in the {@code alerts} collection, keyed by the alert's identity, so that "raise if new" is
 * one atomic insert and claiming one for sending is one atomic conditional update (ADR 42).
 * <p>
 * Finding what to send does not scan {@code alerts}: each PENDING alert also has an entry in
 * {@code alert_queue} ({@code _id} = the alert's id, {@code due} = when to try it), written after the
 * alert and removed when it is claimed, so that collection stays as small as the backlog. An entry is
 * only a hint: the claim itself updates {@code {_id, status: PENDING}} on {@code alerts} to SENDING
 * with a token of that claim, which the unique index {@code (_id, status)} makes a key look-up on the
 * MongoDB-compatible server (it uses an index only when a query names exactly that index's fields,
 * and only unique ones), so two senders never both get an alert, whatever the queue says. A stale
 * entry (its alert no longer pending) is dropped when met; a missing one (a crash between the two
 * writes) is put back by {@link #restoreQueue}.
 */
@Repository
public class MongoAlertStore implements AlertStore {

    static final String COLLECTION = "alerts";
    static final String QUEUE = "alert_queue";
    /** Queue entries read at once, as a multiple of the alerts one claim wants. */
    static final int PREFETCH = 10;
    /** How long entries read from the queue are used for claims before it is read again. */
    static final Duration PREFETCH_AGE = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(MongoAlertStore.class);

    private final MongoTemplate mongo;
    private volatile boolean indexed;
    private final Deque<Document> prefetched = new ArrayDeque<>();
    private Instant prefetchedAt = Instant.MIN;

    public MongoAlertStore(MongoTemplate mongo) {
        this.mongo = mongo;
        createIndexes();
    }

    /** The unique index that makes "this alert if still PENDING" a key look-up; without it claims stay correct, only slower. */
    boolean createIndexes() {
        if (!indexed) {
            try {
                mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC)
                        .on("status", Sort.Direction.ASC).unique().named("id_status"));
                indexed = true;
            } catch (RuntimeException e) {
                log.warn("Could not create the (_id, status) index on {} yet (claims scan until it exists): {}", COLLECTION,
                        e.getMessage());
            }
        }
        return indexed;
    }

    @Override
    public boolean addIfNew(Alert alert, Status initial) {
        return addAllIfNew(List.of(new NewAlert(alert, initial))).contains(alert.id());
    }

    /** One unordered insert of the alerts, then one of the queue entries of those recorded now as PENDING. */
    @Override
    public Set<String> addAllIfNew(List<NewAlert> alerts) {
        List<Document> docs = new ArrayList<>();
        Set<String> given = new HashSet<>();
        Map<String, Alert> pending = new HashMap<>();
        for (NewAlert a : alerts) {
            if (given.add(a.alert().id())) {
                docs.add(toDocument(a.alert(), a.initial()));
                if (a.initial() == Status.PENDING) {
                    pending.put(a.alert().id(), a.alert());
                }
            }
        }
        Set<String> added = InsertAll.ifNew(mongo.getCollection(COLLECTION), docs);
        List<Document> queued = new ArrayList<>();
        for (String id : added) {
            Alert alert = pending.get(id);
            if (alert != null) {
                queued.add(new Document("_id", id).append("due", Date.from(alert.raisedAt())));
            }
        }
        InsertAll.ifNew(mongo.getCollection(QUEUE), queued); // one there already was put back by restoreQueue meanwhile
        return added;
    }

    private static Document toDocument(Alert alert, Status initial) {
        return new Document("_id", alert.id())
                .append("kind", alert.rule())
                .append("itemKind", alert.itemKind())
                .append("itemId", alert.itemId())
                .append("transition", alert.transition())
                .append("sourceEventId", alert.sourceEventId())
                .append("recipientEmail", alert.recipientEmail())
                .append("recipientEmailLower", alert.recipientEmail().toLowerCase(java.util.Locale.ROOT))
                .append("recipientUsername", alert.recipientUsername())
                .append("recipientName", alert.recipientName())
                .append("audience", alert.audience() == null ? null : alert.audience().name())
                .append("serviceArea", alert.serviceArea())
                .append("subject", alert.subject())
                .append("body", alert.textBody())
                .append("htmlBody", alert.htmlBody())
                .append("link", alert.link())
                .append("raisedAt", Date.from(alert.raisedAt()))
                .append("status", initial.name())
                .append("attempts", 0)
                .append("nextAttemptAt", Date.from(alert.raisedAt()));
    }

    /**
     * Synchronized so that this process's senders never race each other for the same entries (their
     * claims are short; sending happens outside); other processes are kept apart by the atomic claim.
     * The queue is read oldest due first, {@value #PREFETCH} claims' worth at a time (sorting is what
     * costs on the MongoDB-compatible server when thousands are due), and the entries read are used
     * for later claims for up to {@link #PREFETCH_AGE}; anything raised meanwhile is due later anyway.
     */
    @Override
    public synchronized List<Claim> claim(Instant now, int max) {
        List<Claim> claims = new ArrayList<>();
        boolean scanned = false;
        while (claims.size() < max) {
            if (prefetched.isEmpty() || prefetchedAt.plus(PREFETCH_AGE).isBefore(now)) {
                prefetched.clear();
                if (scanned) {
                    break;
                }
                Query due = new Query(Criteria.where("due").lte(Date.from(now))).with(Sort.by("due")).limit(max * PREFETCH);
                prefetched.addAll(mongo.find(due, Document.class, QUEUE));
                prefetchedAt = now;
                scanned = true;
                if (prefetched.isEmpty()) {
                    break;
                }
            }
            List<Document> candidates = new ArrayList<>();
            while (!prefetched.isEmpty() && candidates.size() < max - claims.size()) {
                candidates.add(prefetched.poll());
            }
            claims.addAll(claimEach(candidates, now));
        }
        return claims;
    }

    /**
     * One conditional update per candidate ({@code {_id, status: PENDING}}, a key look-up with the
     * index), sent together; each marks its alert SENDING with a token of this claim, and the alerts
     * carrying the token are this claim's. The others' queue entries are dropped if stale.
     */
    private List<Claim> claimEach(List<Document> candidates, Instant now) {
        String token = UUID.randomUUID().toString();
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        List<String> ids = new ArrayList<>();
        for (Document candidate : candidates) {
            String id = candidate.getString("_id");
            ids.add(id);
            bulk.updateOne(new Query(Criteria.where("_id").is(id).and("status").is(Status.PENDING.name())),
                    new Update().set("status", Status.SENDING.name()).set("claimedAt", Date.from(now))
                            .set("claim", token).inc("attempts", 1));
        }
        bulk.execute(); // how many it reports changed is not relied on: the token says which are ours
        Map<String, Document> found = new HashMap<>();
        mongo.find(new Query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)
                .forEach(d -> found.put(d.getString("_id"), d));
        List<Claim> claims = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (Document candidate : candidates) {
            String id = candidate.getString("_id");
            Document alert = found.get(id);
            if (alert != null && token.equals(alert.getString("claim")) && Status.SENDING.name().equals(alert.getString("status"))) {
                claims.add(new Claim(toAlert(alert), alert.getInteger("attempts", 1)));
                taken.add(id);
            } else if (alert == null || !Status.PENDING.name().equals(alert.getString("status"))) {
                // stale: sent, being sent, given up or gone; dropped unless renewed since it was read
                mongo.remove(new Query(Criteria.where("_id").is(id).and("due").is(candidate.get("due"))), QUEUE);
            }
        }
        if (!taken.isEmpty()) {
            mongo.remove(new Query(Criteria.where("_id").in(taken)), QUEUE);
        }
        return claims;
    }

    private void enqueue(String alertId, Instant due) {
        mongo.upsert(idIs(alertId), new Update().set("due", Date.from(due)), QUEUE);
    }

    @Override
    public void markSent(Collection<String> alertIds, Instant at) {
        if (alertIds.isEmpty()) {
            return;
        }
        mongo.updateMulti(new Query(Criteria.where("_id").in(alertIds)),
                new Update().set("status", Status.SENT.name()).set("sentAt", Date.from(at)).unset("lastError"), COLLECTION);
    }

    @Override
    public void markFailed(String alertId, String error, Instant retryAt, boolean giveUp) {
        mongo.updateFirst(idIs(alertId),
                new Update().set("status", giveUp ? Status.FAILED.name() : Status.PENDING.name())
                        .set("lastError", error).set("nextAttemptAt", Date.from(retryAt)), COLLECTION);
        if (!giveUp) {
            enqueue(alertId, retryAt);
        }
    }

    @Override
    public boolean requeue(String alertId, Instant now) {
        boolean requeued = mongo.updateFirst(new Query(Criteria.where("_id").is(alertId).and("status").is(Status.FAILED.name())),
                new Update().set("status", Status.PENDING.name()).set("attempts", 0).set("nextAttemptAt", Date.from(now)),
                COLLECTION).getModifiedCount() == 1;
        if (requeued) {
            enqueue(alertId, now);
        }
        return requeued;
    }

    @Override
    public Set<String> existing(Collection<String> alertIds) {
        if (alertIds.isEmpty()) {
            return Set.of();
        }
        Query query = new Query(Criteria.where("_id").in(alertIds));
        query.fields().include("_id");
        Set<String> found = new HashSet<>();
        mongo.find(query, Document.class, COLLECTION).forEach(d -> found.add(d.getString("_id")));
        return found;
    }

    @Override
    public int restoreQueue(Instant now) {
        createIndexes();
        Query pending = new Query(Criteria.where("status").is(Status.PENDING.name()));
        pending.fields().include("_id").include("nextAttemptAt");
        List<Document> alerts = mongo.find(pending, Document.class, COLLECTION);
        if (alerts.isEmpty()) {
            return 0;
        }
        Query queued = new Query(Criteria.where("_id").in(alerts.stream().map(d -> d.getString("_id")).toList()));
        queued.fields().include("_id");
        Set<String> inQueue = new HashSet<>();
        mongo.find(queued, Document.class, QUEUE).forEach(d -> inQueue.add(d.getString("_id")));
        int restored = 0;
        for (Document alert : alerts) {
            String id = alert.getString("_id");
            if (!inQueue.contains(id)) {
                Date due = alert.getDate("nextAttemptAt");
                mongo.upsert(idIs(id), new Update().setOnInsert("due", due == null ? Date.from(now) : due), QUEUE);
                restored++;
            }
        }
        if (restored > 0) {
            log.warn("Put {} pending alert(s) back into the send queue", restored);
        }
        return restored;
    }

    @Override
    public Optional<StoredAlert> byId(String alertId) {
        return Optional.ofNullable(mongo.findOne(idIs(alertId), Document.class, COLLECTION)).map(MongoAlertStore::toStored);
    }

    @Override
    public List<StoredAlert> recent(int limit) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "raisedAt")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoAlertStore::toStored).toList();
    }

    @Override
    public Page<StoredAlert> search(Filter filter, int page, int size) {
        Criteria criteria = new Criteria();
        List<Criteria> all = new ArrayList<>();
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status().name()));
        }
        if (filter.rule() != null) {
            all.add(Criteria.where("kind").is(filter.rule()));
        }
        if (filter.recipient() != null) {
            all.add(new Criteria().orOperator(
                    Criteria.where("recipientEmailLower").regex(Pattern.quote(filter.recipient().toLowerCase(java.util.Locale.ROOT))),
                    Criteria.where("recipientUsername").is(filter.recipient())));
        }
        if (filter.from() != null) {
            all.add(Criteria.where("raisedAt").gte(Date.from(filter.from())));
        }
        if (filter.to() != null) {
            all.add(Criteria.where("raisedAt").lt(Date.from(filter.to())));
        }
        if (!all.isEmpty()) {
            criteria.andOperator(all.toArray(Criteria[]::new));
        }
        return page(new Query(criteria), page, size);
    }

    @Override
    public Page<StoredAlert> forRecipient(String username, String email, boolean unreadOnly, int page, int size) {
        Query query = new Query(mine(username, email));
        if (unreadOnly) {
            query.addCriteria(Criteria.where("readAt").is(null));
        }
        return page(query, page, size);
    }

    @Override
    public long unreadCount(String username, String email) {
        return mongo.count(new Query(mine(username, email)).addCriteria(Criteria.where("readAt").is(null)), COLLECTION);
    }

    @Override
    public boolean markRead(String alertId, String username, String email, Instant at) {
        Query query = new Query(mine(username, email)).addCriteria(Criteria.where("_id").is(alertId));
        if (!mongo.exists(query, COLLECTION)) {
            return false;
        }
        mongo.updateFirst(query.addCriteria(Criteria.where("readAt").is(null)), new Update().set("readAt", Date.from(at)), COLLECTION);
        return true;
    }

    @Override
    public long markAllRead(String username, String email, Instant at) {
        return mongo.updateMulti(new Query(mine(username, email)).addCriteria(Criteria.where("readAt").is(null)),
                new Update().set("readAt", Date.from(at)), COLLECTION).getModifiedCount();
    }

    @Override
    public List<StoredAlert> held(Instant before) {
        Query query = new Query(Criteria.where("status").is(Status.HELD.name()).and("raisedAt").lt(Date.from(before)))
                .with(Sort.by("raisedAt"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoAlertStore::toStored).toList();
    }

    @Override
    public void markDigested(Collection<String> alertIds, String digestId) {
        if (alertIds.isEmpty()) {
            return;
        }
        mongo.updateMulti(new Query(Criteria.where("_id").in(alertIds).and("status").is(Status.HELD.name())),
                new Update().set("status", Status.DIGESTED.name()).set("digestId", digestId), COLLECTION);
    }

    @Override
    public List<StoredAlert> raisedBetween(Instant from, Instant to) {
        Query query = new Query(Criteria.where("raisedAt").gte(Date.from(from)).lt(Date.from(to))
                .and("itemKind").ne("digest")).with(Sort.by("raisedAt"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoAlertStore::toStored).toList();
    }

    private Page<StoredAlert> page(Query query, int page, int size) {
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "raisedAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return new Page<>(mongo.find(query, Document.class, COLLECTION).stream().map(MongoAlertStore::toStored).toList(),
                total, page, size);
    }

    /** Alerts for a person: by username when known, by email otherwise (leads named only by email). */
    private static Criteria mine(String username, String email) {
        List<Criteria> either = new ArrayList<>();
        if (username != null) {
            either.add(Criteria.where("recipientUsername").is(username));
        }
        if (email != null) {
            either.add(Criteria.where("recipientEmailLower").is(email.toLowerCase(java.util.Locale.ROOT)));
        }
        if (either.isEmpty()) {
            return Criteria.where("_id").is(null);
        }
        return new Criteria().orOperator(either.toArray(Criteria[]::new));
    }

    private static Query idIs(String alertId) {
        return new Query(Criteria.where("_id").is(alertId));
    }

    private static StoredAlert toStored(Document d) {
        return new StoredAlert(toAlert(d), Status.valueOf(d.getString("status")), d.getInteger("attempts", 0),
                instant(d.getDate("sentAt")), d.getString("lastError"), instant(d.getDate("readAt")), d.getString("digestId"));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static Alert toAlert(Document d) {
        String audience = d.getString("audience");
        return new Alert(d.getString("_id"), d.getString("kind"), d.getString("itemKind"), d.getString("itemId"),
                d.getString("transition"), d.getString("sourceEventId"), d.getString("recipientEmail"),
                d.getString("recipientUsername"), d.getString("recipientName"),
                audience == null ? null : Audience.valueOf(audience), d.getString("serviceArea"), d.getString("subject"),
                d.getString("body"), d.getString("htmlBody"), d.getString("link"), d.getDate("raisedAt").toInstant());
    }
}
