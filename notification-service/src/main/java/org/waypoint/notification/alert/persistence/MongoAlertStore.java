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
import org.waypoint.notification.alert.application.Page;
import org.waypoint.notification.alert.application.StoredAlert;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.AlertStatus;
import org.waypoint.notification.alert.domain.Audience;
import org.waypoint.notification.alert.domain.DeliveryState;

/**
 * Every role of the alert store ({@link AlertStore}: raised alerts, send queue, inbox, delivery log, digests) on
 * MongoDB. Alerts are in the {@code alerts} collection, keyed by the alert's identity, so that "raise if new" is
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
 * <p>
 * A claim holds its alerts for a lease (ADR 43): the alert carries the claim's token and
 * {@code leaseUntil}, and its queue entry becomes the lease's ({@code claim}: the token, {@code due}:
 * when it runs out). When met after that, the alert is taken over by {@code {_id, claim}} (a key
 * look-up through the unique index {@code (_id, claim)}) unless its sender renewed the lease as it
 * began the alert's message. {@code inFlight} marks an alert whose message was being handed to the mail
 * server: found on a claim, the resend is a possible duplicate ({@code possibleDuplicate},
 * {@code possibleDuplicates}).
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

    /**
     * The unique indexes that make "this alert if still PENDING" and "this alert if still under this
     * claim" key look-ups; without them claims stay correct, only slower.
     */
    boolean createIndexes() {
        if (!indexed) {
            try {
                mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC)
                        .on("status", Sort.Direction.ASC).unique().named("id_status"));
                mongo.indexOps(COLLECTION).createIndex(new Index().on("_id", Sort.Direction.ASC)
                        .on("claim", Sort.Direction.ASC).unique().named("id_claim"));
                indexed = true;
            } catch (RuntimeException e) {
                log.warn("Could not create the (_id, status) index on {} yet (claims scan until it exists): {}", COLLECTION,
                        e.getMessage());
            }
        }
        return indexed;
    }

    @Override
    public boolean addIfNew(Alert alert, AlertStatus initial) {
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
                if (a.initial() == AlertStatus.PENDING) {
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

    private static Document toDocument(Alert alert, AlertStatus initial) {
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
    public synchronized List<Claim> claim(Instant now, int max, Duration lease) {
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
                Document next = prefetched.poll();
                if (!next.getDate("due").after(Date.from(now))) { // an entry read earlier may have been for later
                    candidates.add(next);
                }
            }
            claims.addAll(claimEach(candidates, now, lease));
        }
        return claims;
    }

    /**
     * One conditional update per candidate, sent together, each a key look-up with an index: a pending
     * alert is taken by {@code {_id, status: PENDING}}; one whose lease ran out (its queue entry names the
     * claim, and the alert's own {@code leaseUntil}, renewed as each of its sends begins, has passed) by
     * {@code {_id, claim: <that claim>}}. Each taken alert is marked SENDING with a token of this claim,
     * and the alerts carrying the token are this claim's; their queue entries become the claim's lease
     * (due when it runs out). The others' entries are dropped if stale.
     */
    private List<Claim> claimEach(List<Document> candidates, Instant now, Duration lease) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<String, Document> leasedAlerts = leasedAlerts(candidates);
        String token = UUID.randomUUID().toString();
        Date leaseUntil = Date.from(now.plus(lease));
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        List<String> ids = new ArrayList<>();
        List<Document> postponed = new ArrayList<>();
        for (Document candidate : candidates) {
            String id = candidate.getString("_id");
            String previous = candidate.getString("claim");
            Update take = new Update().set("status", AlertStatus.SENDING.name()).set("claimedAt", Date.from(now))
                    .set("leaseUntil", leaseUntil).set("claim", token).inc("attempts", 1);
            if (previous == null) {
                bulk.updateOne(new Query(Criteria.where("_id").is(id).and("status").is(AlertStatus.PENDING.name())), take);
                ids.add(id);
            } else {
                Document alert = leasedAlerts.get(id);
                if (alert != null && previous.equals(alert.getString("claim"))) {
                    Date renewed = alert.getDate("leaseUntil");
                    if (renewed != null && renewed.after(Date.from(now))) { // its sender is still at work: look again then
                        postponed.add(candidate.append("renewed", renewed));
                        continue;
                    }
                }
                bulk.updateOne(new Query(Criteria.where("_id").is(id).and("claim").is(previous)), take);
                ids.add(id);
            }
        }
        for (Document entry : postponed) {
            mongo.updateFirst(new Query(Criteria.where("_id").is(entry.getString("_id")).and("due").is(entry.get("due"))),
                    new Update().set("due", entry.get("renewed")), QUEUE);
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        bulk.execute(); // how many it reports changed is not relied on: the token says which are ours
        Map<String, Document> found = new HashMap<>();
        mongo.find(new Query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)
                .forEach(d -> found.put(d.getString("_id"), d));
        List<Claim> claims = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (Document candidate : candidates) {
            String id = candidate.getString("_id");
            if (!ids.contains(id)) {
                continue;
            }
            Document alert = found.get(id);
            String previous = candidate.getString("claim");
            if (alert != null && token.equals(alert.getString("claim")) && AlertStatus.SENDING.name().equals(alert.getString("status"))) {
                boolean possibleDuplicate = Boolean.TRUE.equals(alert.getBoolean("inFlight"));
                if (possibleDuplicate) {
                    // its last SMTP conversation had begun and was never finished: the mail server may have it already
                    mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("claim").is(token)),
                            new Update().set("possibleDuplicate", true).inc("possibleDuplicates", 1).unset("inFlight"),
                            COLLECTION);
                    log.warn("Alert {} is sent again after an attempt whose outcome is unknown (attempt {}): a possible duplicate",
                            id, alert.getInteger("attempts", 1));
                } else if (previous != null) {
                    log.warn("Alert {} taken over after its sender's lease ran out before sending it (attempt {})", id,
                            alert.getInteger("attempts", 1));
                }
                claims.add(new Claim(toAlert(alert), claimedState(alert, previous), token, possibleDuplicate));
                taken.add(id);
            } else if (alert != null && AlertStatus.SENDING.name().equals(alert.getString("status"))
                    && alert.getString("claim") != null && !alert.getString("claim").equals(previous)) {
                // under a claim this entry does not name: its sender died after taking the alert and before turning the
                // entry into its lease (or this entry was read before it did). The entry becomes that claim's lease, so the
                // alert is taken over when the lease runs out; dropping it would leave the alert SENDING until the queue check.
                Date until = alert.getDate("leaseUntil");
                mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("due").is(candidate.get("due"))),
                        new Update().set("due", until == null ? leaseUntil : until).set("claim", alert.getString("claim")), QUEUE);
            } else if (alert != null && AlertStatus.PENDING.name().equals(alert.getString("status")) && previous != null) {
                // the entry names a claim the alert never got (its claimer died before taking it): pending, due now
                mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("due").is(candidate.get("due"))),
                        new Update().set("due", Date.from(now)).unset("claim"), QUEUE);
            } else if (alert == null || (previous == null ? !AlertStatus.PENDING.name().equals(alert.getString("status"))
                    : !previous.equals(alert.getString("claim")))) {
                // stale: sent, given up, held for a digest or gone; dropped unless renewed since it was read
                mongo.remove(new Query(Criteria.where("_id").is(id).and("due").is(candidate.get("due"))), QUEUE);
            }
        }
        if (!taken.isEmpty()) { // each entry now stands for this claim's lease: due again when it runs out
            mongo.updateMulti(new Query(Criteria.where("_id").in(taken)),
                    new Update().set("due", leaseUntil).set("claim", token), QUEUE);
        }
        return claims;
    }

    /**
     * The state this claim left the alert in, as {@link DeliveryState#claimed()} has it: the alert as found before
     * (pending, or sending under the claim that ran out), its attempt now counted and, if its last send was still
     * in flight, that send counted as a possible duplicate; which is what the updates above wrote.
     */
    private static DeliveryState claimedState(Document taken, String previousClaim) {
        DeliveryState found = stateOf(taken);
        return new DeliveryState(previousClaim == null ? AlertStatus.PENDING : AlertStatus.SENDING, Math.max(0, found.attempts() - 1),
                found.inFlight(), found.possibleDuplicates(), found.sentAt(), found.lastError(), found.digestId()).claimed();
    }

    /** The alerts named by lease entries among the candidates (their claim and lease), in one read. */
    private Map<String, Document> leasedAlerts(List<Document> candidates) {
        List<String> leased = candidates.stream().filter(c -> c.getString("claim") != null).map(c -> c.getString("_id")).toList();
        Map<String, Document> found = new HashMap<>();
        if (!leased.isEmpty()) {
            Query query = new Query(Criteria.where("_id").in(leased));
            query.fields().include("_id").include("claim").include("leaseUntil");
            mongo.find(query, Document.class, COLLECTION).forEach(d -> found.put(d.getString("_id"), d));
        }
        return found;
    }

    private void enqueue(String alertId, Instant due) {
        mongo.upsert(idIs(alertId), new Update().set("due", Date.from(due)).unset("claim"), QUEUE);
    }

    @Override
    public boolean markInFlight(Claim claim, Instant now, Duration lease) {
        return mongo.updateFirst(claimed(claim), new Update().set("inFlight", true).set("sendingAt", Date.from(now))
                .set("leaseUntil", Date.from(now.plus(lease))), COLLECTION).getMatchedCount() == 1;
    }

    @Override
    public void markSent(Collection<String> alertIds, Instant at) {
        if (alertIds.isEmpty()) {
            return;
        }
        Update sent = new Update().set("status", AlertStatus.SENT.name()).set("sentAt", Date.from(at))
                .unset("lastError").unset("claim").unset("inFlight");
        if (alertIds.size() == 1) {
            mongo.updateFirst(idIs(alertIds.iterator().next()), sent, COLLECTION);
        } else {
            mongo.updateMulti(new Query(Criteria.where("_id").in(alertIds)), sent, COLLECTION);
        }
    }

    @Override
    public void dequeue(Collection<String> alertIds) {
        if (!alertIds.isEmpty()) {
            mongo.remove(new Query(Criteria.where("_id").in(alertIds)), QUEUE);
        }
    }

    /** A failed attempt of an alert claimed under no token (none is made so now). */
    private void markFailed(String alertId, String error, Instant retryAt, boolean giveUp) {
        mongo.updateFirst(idIs(alertId), failed(error, retryAt, giveUp, false), COLLECTION);
        if (!giveUp) {
            enqueue(alertId, retryAt);
        }
    }

    @Override
    public void markFailed(Claim claim, String error, Instant retryAt, boolean giveUp, boolean outcomeUnknown) {
        if (claim.token() == null) {
            markFailed(claim.alert().id(), error, retryAt, giveUp);
            return;
        }
        boolean ours = mongo.updateFirst(claimed(claim), failed(error, retryAt, giveUp, outcomeUnknown), COLLECTION)
                .getMatchedCount() == 1;
        if (ours && !giveUp) {
            enqueue(claim.alert().id(), retryAt);
        }
    }

    private static Update failed(String error, Instant retryAt, boolean giveUp, boolean outcomeUnknown) {
        Update update = new Update().set("status", giveUp ? AlertStatus.FAILED.name() : AlertStatus.PENDING.name())
                .set("lastError", error).set("nextAttemptAt", Date.from(retryAt)).unset("claim");
        return outcomeUnknown ? update.set("inFlight", true) : update.unset("inFlight");
    }

    @Override
    public void release(Claim claim, Instant now) {
        if (claim.token() != null && mongo.updateFirst(claimed(claim), new Update().set("status", AlertStatus.PENDING.name())
                .set("nextAttemptAt", Date.from(now)).inc("attempts", -1).unset("claim"), COLLECTION).getMatchedCount() == 1) {
            enqueue(claim.alert().id(), now);
        }
    }

    /** This claim's alert, still under it: a key look-up with the (_id, claim) index. */
    private static Query claimed(Claim claim) {
        return new Query(Criteria.where("_id").is(claim.alert().id()).and("claim").is(claim.token()));
    }

    @Override
    public boolean requeue(String alertId, Instant now) {
        boolean requeued = mongo.updateFirst(new Query(Criteria.where("_id").is(alertId).and("status").is(AlertStatus.FAILED.name())),
                new Update().set("status", AlertStatus.PENDING.name()).set("attempts", 0).set("nextAttemptAt", Date.from(now)),
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

    /**
     * Pending alerts missing from the queue are put back due at their next attempt; alerts SENDING
     * without a queue entry (a crash between the claim and its entry, or claimed before leases: ADR 42)
     * get a lease entry due when their lease runs out. A claim from before leases has none: it is due
     * {@link #DEFAULT_LEASE} after it was made, and, since whether its batch reached the mail server is
     * unknown, its resend is counted as a possible duplicate.
     */
    @Override
    public int restoreQueue(Instant now) {
        createIndexes();
        Query open = new Query(Criteria.where("status").in(AlertStatus.PENDING.name(), AlertStatus.SENDING.name()));
        open.fields().include("_id").include("status").include("nextAttemptAt").include("claim").include("claimedAt")
                .include("leaseUntil");
        List<Document> alerts = mongo.find(open, Document.class, COLLECTION);
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
            if (inQueue.contains(id)) {
                continue;
            }
            if (AlertStatus.PENDING.name().equals(alert.getString("status"))) {
                Date due = alert.getDate("nextAttemptAt");
                mongo.upsert(idIs(id), new Update().setOnInsert("due", due == null ? Date.from(now) : due), QUEUE);
                restored++;
                continue;
            }
            String claim = alert.getString("claim");
            if (claim == null) {
                claim = UUID.randomUUID().toString(); // SENDING under no claim at all: give it one to be taken over by
                if (mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("status").is(AlertStatus.SENDING.name())),
                        new Update().set("claim", claim), COLLECTION).getMatchedCount() == 0) {
                    continue;
                }
            }
            Date leaseUntil = alert.getDate("leaseUntil");
            if (leaseUntil == null) { // claimed before leases: due when the default one would run out; outcome unknown
                Date claimedAt = alert.getDate("claimedAt");
                leaseUntil = Date.from((claimedAt == null ? now : claimedAt.toInstant()).plus(DEFAULT_LEASE));
                mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("claim").is(claim)),
                        new Update().set("leaseUntil", leaseUntil).set("inFlight", true), COLLECTION);
            }
            mongo.upsert(idIs(id), new Update().setOnInsert("due", leaseUntil).setOnInsert("claim", claim), QUEUE);
            restored++;
        }
        if (restored > 0) {
            log.warn("Put {} pending or unfinished alert(s) back into the send queue", restored);
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
    public List<StoredAlert> recentIn(Set<String> serviceAreas, int limit) {
        if (serviceAreas.isEmpty()) {
            return List.of();
        }
        Query query = new Query(Criteria.where("serviceArea").in(serviceAreas))
                .with(Sort.by(Sort.Direction.DESC, "raisedAt")).limit(limit);
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
        if (Boolean.TRUE.equals(filter.possibleDuplicate())) {
            all.add(Criteria.where("possibleDuplicate").is(true));
        } else if (Boolean.FALSE.equals(filter.possibleDuplicate())) {
            all.add(Criteria.where("possibleDuplicate").ne(true));
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
        Query query = new Query(Criteria.where("status").is(AlertStatus.HELD.name()).and("raisedAt").lt(Date.from(before)))
                .with(Sort.by("raisedAt"));
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoAlertStore::toStored).toList();
    }

    @Override
    public void markDigested(Collection<String> alertIds, String digestId) {
        if (alertIds.isEmpty()) {
            return;
        }
        mongo.updateMulti(new Query(Criteria.where("_id").in(alertIds).and("status").is(AlertStatus.HELD.name())),
                new Update().set("status", AlertStatus.DIGESTED.name()).set("digestId", digestId), COLLECTION);
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
        return new StoredAlert(toAlert(d), stateOf(d), instant(d.getDate("readAt")));
    }

    private static DeliveryState stateOf(Document d) {
        return new DeliveryState(AlertStatus.valueOf(d.getString("status")), d.getInteger("attempts", 0),
                Boolean.TRUE.equals(d.getBoolean("inFlight")), d.getInteger("possibleDuplicates", 0),
                instant(d.getDate("sentAt")), d.getString("lastError"), d.getString("digestId"));
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
