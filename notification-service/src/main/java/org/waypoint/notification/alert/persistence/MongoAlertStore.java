package org.waypoint.notification.alert.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import org.waypoint.notification.alert.application.AlertStore;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.Audience;

/**
 * Alerts in the {@code alerts} collection, keyed by the alert's identity, so that "raise if new" is
 * one atomic insert and claiming one for sending is one atomic find-and-modify.
 */
@Repository
public class MongoAlertStore implements AlertStore {

    static final String COLLECTION = "alerts";

    private final MongoTemplate mongo;

    public MongoAlertStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean addIfNew(Alert alert, Status initial) {
        Document doc = new Document("_id", alert.id())
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
        try {
            mongo.insert(doc, COLLECTION);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public Optional<Claim> claimNext(Instant now) {
        Query next = new Query(Criteria.where("status").is(Status.PENDING.name()).and("nextAttemptAt").lte(Date.from(now)))
                .with(Sort.by("raisedAt"));
        Document claimed = mongo.findAndModify(next,
                new Update().set("status", Status.SENDING.name()).set("claimedAt", Date.from(now)).inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        return Optional.ofNullable(claimed).map(d -> new Claim(toAlert(d), d.getInteger("attempts", 1)));
    }

    @Override
    public void markSent(String alertId, Instant at) {
        mongo.updateFirst(idIs(alertId),
                new Update().set("status", Status.SENT.name()).set("sentAt", Date.from(at)).unset("lastError"), COLLECTION);
    }

    @Override
    public void markFailed(String alertId, String error, Instant retryAt, boolean giveUp) {
        mongo.updateFirst(idIs(alertId),
                new Update().set("status", giveUp ? Status.FAILED.name() : Status.PENDING.name())
                        .set("lastError", error).set("nextAttemptAt", Date.from(retryAt)), COLLECTION);
    }

    @Override
    public boolean requeue(String alertId, Instant now) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(alertId).and("status").is(Status.FAILED.name())),
                new Update().set("status", Status.PENDING.name()).set("attempts", 0).set("nextAttemptAt", Date.from(now)),
                COLLECTION).getModifiedCount() == 1;
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
