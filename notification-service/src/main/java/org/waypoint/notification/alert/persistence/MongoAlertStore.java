package org.waypoint.notification.alert.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

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
    public boolean addIfNew(Alert alert) {
        Document doc = new Document("_id", alert.id())
                .append("kind", alert.kind())
                .append("sourceEventId", alert.sourceEventId())
                .append("recipientEmail", alert.recipientEmail())
                .append("recipientName", alert.recipientName())
                .append("subject", alert.subject())
                .append("body", alert.body())
                .append("raisedAt", Date.from(alert.raisedAt()))
                .append("status", Status.PENDING.name())
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
        mongo.updateFirst(new Query(Criteria.where("_id").is(alertId)),
                new Update().set("status", Status.SENT.name()).set("sentAt", Date.from(at)).unset("lastError"), COLLECTION);
    }

    @Override
    public void markFailed(String alertId, String error, Instant retryAt, boolean giveUp) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(alertId)),
                new Update().set("status", giveUp ? Status.FAILED.name() : Status.PENDING.name())
                        .set("lastError", error).set("nextAttemptAt", Date.from(retryAt)), COLLECTION);
    }

    @Override
    public List<StoredAlert> recent(int limit) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "raisedAt")).limit(limit);
        return mongo.find(query, Document.class, COLLECTION).stream()
                .map(d -> new StoredAlert(toAlert(d), Status.valueOf(d.getString("status")),
                        d.getInteger("attempts", 0),
                        d.getDate("sentAt") == null ? null : d.getDate("sentAt").toInstant(),
                        d.getString("lastError")))
                .toList();
    }

    private static Alert toAlert(Document d) {
        return new Alert(d.getString("_id"), d.getString("kind"), d.getString("sourceEventId"),
                d.getString("recipientEmail"), d.getString("recipientName"), d.getString("subject"),
                d.getString("body"), d.getDate("raisedAt").toInstant());
    }
}
