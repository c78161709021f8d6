package org.waypoint.notification.alert.persistence;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import org.waypoint.notification.alert.application.DeadLetters;
import org.waypoint.notification.api.NotificationDeadLettered;
import org.waypoint.notification.api.NotificationTopics;
import org.waypoint.platform.outbox.Outbox;
import org.waypoint.platform.outbox.OutboxMessage;
import org.waypoint.platform.outbox.OutboxWakeUp;

/**
 * Dead letters in {@code dead_letters}; each is inserted together with its
 * {@link NotificationDeadLettered} event in its outbox (one single-document write), and the
 * platform's relay publishes that to {@link NotificationTopics#DEAD_LETTERS}.
 */
@Repository
public class MongoDeadLetters implements DeadLetters {

    static final String COLLECTION = "dead_letters";

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final OutboxWakeUp wakeUp;

    public MongoDeadLetters(MongoTemplate mongo, Outbox outbox, OutboxWakeUp wakeUp) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.wakeUp = wakeUp;
    }

    @Override
    public void add(DeadLetter d) {
        OutboxMessage message = outbox.message(NotificationTopics.DEAD_LETTERS, NotificationDeadLettered.TYPE, d.id(),
                NotificationDeadLettered.SCHEMA, new NotificationDeadLettered(d.id(), d.kind().name(), d.reason(),
                        d.attempts(), d.sourceTopic(), d.sourceEventId(), d.sourceEventType(), d.payload(), d.alertId(),
                        d.recipientEmail(), d.deadAt()));
        Document doc = new Document("_id", d.id()).append("kind", d.kind().name()).append("status", d.status().name())
                .append("reason", d.reason()).append("attempts", d.attempts()).append("sourceTopic", d.sourceTopic())
                .append("sourceEventId", d.sourceEventId()).append("sourceEventType", d.sourceEventType())
                .append("payload", d.payload()).append("alertId", d.alertId()).append("recipientEmail", d.recipientEmail())
                .append("deadAt", Date.from(d.deadAt())).append("version", 0L)
                .append(OutboxMessage.FIELD, List.of(new Document("id", message.id()).append("topic", message.topic())
                        .append("key", message.key()).append("type", message.type()).append("payload", message.payload())
                        .append("occurredAt", Date.from(message.occurredAt()))));
        mongo.insert(doc, COLLECTION);
        wakeUp.written(COLLECTION, d.id()); // published now, not at the relay's next sweep
    }

    @Override
    public List<DeadLetter> list(Status status, int page, int size) {
        Query query = status == null ? new Query() : new Query(Criteria.where("status").is(status.name()));
        query.with(Sort.by(Sort.Direction.DESC, "deadAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return mongo.find(query, Document.class, COLLECTION).stream().map(MongoDeadLetters::toDeadLetter).toList();
    }

    @Override
    public long count(Status status) {
        return mongo.count(status == null ? new Query() : new Query(Criteria.where("status").is(status.name())), COLLECTION);
    }

    @Override
    public Optional<DeadLetter> byId(String id) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("_id").is(id)), Document.class, COLLECTION))
                .map(MongoDeadLetters::toDeadLetter);
    }

    @Override
    public boolean markReplayed(String id, String by, Instant at) {
        return mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("status").is(Status.DEAD.name())),
                new Update().set("status", Status.REPLAYED.name()).set("replayedBy", by).set("replayedAt", Date.from(at)),
                COLLECTION).getModifiedCount() == 1;
    }

    private static DeadLetter toDeadLetter(Document d) {
        return new DeadLetter(d.getString("_id"), Kind.valueOf(d.getString("kind")), Status.valueOf(d.getString("status")),
                d.getString("reason"), d.getInteger("attempts", 0), d.getString("sourceTopic"), d.getString("sourceEventId"),
                d.getString("sourceEventType"), d.getString("payload"), d.getString("alertId"), d.getString("recipientEmail"),
                d.getDate("deadAt").toInstant(), d.getDate("replayedAt") == null ? null : d.getDate("replayedAt").toInstant(),
                d.getString("replayedBy"));
    }
}
