package org.waypoint.platform.outbox;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Saves an aggregate's document and the events it caused in one single-document write, so there
 * is never a saved change without its events (MongoDB-compatible servers here have no
 * multi-document transactions). Updates never replace the document: they set the aggregate's
 * fields, check and bump {@code version}, and push to {@code outbox}, leaving any message the
 * relay has not yet published untouched.
 */
public class MongoOutboxWriter {

    public static final String VERSION = "version";

    private final MongoTemplate mongo;
    private final OutboxWakeUp wakeUp;

    public MongoOutboxWriter(MongoTemplate mongo) {
        this(mongo, new OutboxWakeUp());
    }

    /** A writer that tells the relay (through {@code wakeUp}) about each document it gave events to. */
    public MongoOutboxWriter(MongoTemplate mongo, OutboxWakeUp wakeUp) {
        this.mongo = mongo;
        this.wakeUp = wakeUp;
    }

    /** Inserts a new aggregate at version 0 with its first events. */
    public void insert(Object aggregateDocument, String collection, List<OutboxMessage> events) {
        insert(aggregateDocument, collection, events, Map.of());
    }

    /**
     * Inserts a new aggregate at version 0 with its first events and fields kept beside the
     * aggregate in the same document (e.g. the first entry of a change history).
     */
    public void insert(Object aggregateDocument, String collection, List<OutboxMessage> events, Map<String, Object> alongside) {
        Document bson = toBson(aggregateDocument);
        alongside.forEach(bson::put);
        bson.put(VERSION, 0L);
        bson.put(OutboxMessage.FIELD, events.stream().map(MongoOutboxWriter::toBson).toList());
        mongo.insert(bson, collection);
        if (!events.isEmpty()) {
            wakeUp.written(collection, bson.get("_id"));
        }
    }

    /**
     * Updates an aggregate read at {@code expectedVersion}.
     *
     * @throws OptimisticLockingFailureException if someone else changed it since
     */
    public void update(Object aggregateDocument, Object id, long expectedVersion, String collection,
                       List<OutboxMessage> events) {
        update(aggregateDocument, id, expectedVersion, collection, events, Map.of());
    }

    /**
     * Updates an aggregate read at {@code expectedVersion}, and in the same write appends to
     * arrays kept beside it (e.g. {@code history}): {@code appendTo} maps an array field to the
     * elements to add.
     *
     * @throws OptimisticLockingFailureException if someone else changed it since
     */
    public void update(Object aggregateDocument, Object id, long expectedVersion, String collection,
                       List<OutboxMessage> events, Map<String, List<?>> appendTo) {
        Document bson = toBson(aggregateDocument);
        appendTo.keySet().forEach(bson::remove);
        bson.remove("_id");
        bson.remove("_class");
        bson.remove(VERSION);
        bson.remove(OutboxMessage.FIELD);
        Update update = new Update();
        bson.forEach(update::set);
        update.inc(VERSION, 1);
        if (!events.isEmpty()) {
            update.push(OutboxMessage.FIELD).each(events.stream().map(MongoOutboxWriter::toBson).toArray());
        }
        appendTo.forEach((field, elements) -> {
            if (!elements.isEmpty()) {
                update.push(field).each(elements.toArray());
            }
        });
        // A field the aggregate no longer has (a withdrawn exception report, no next review) is removed,
        // not left behind with its old value: the converter writes no nulls.
        var entity = mongo.getConverter().getMappingContext().getPersistentEntity(aggregateDocument.getClass());
        if (entity != null) {
            entity.forEach(property -> {
                String field = property.getFieldName();
                if (!property.isIdProperty() && !bson.containsKey(field) && !field.equals(VERSION)
                        && !field.equals(OutboxMessage.FIELD) && !appendTo.containsKey(field)) {
                    update.unset(field);
                }
            });
        }
        long matched = DocumentLocks.around(collection, id, () -> mongo.updateFirst(
                new Query(Criteria.where("_id").is(id).and(VERSION).is(expectedVersion)), update, collection)
                .getMatchedCount());
        if (matched == 0) {
            throw new OptimisticLockingFailureException(
                    "Document " + id + " in " + collection + " is no longer at version " + expectedVersion);
        }
        if (!events.isEmpty()) {
            wakeUp.written(collection, id);
        }
    }

    private Document toBson(Object aggregateDocument) {
        Document bson = new Document();
        mongo.getConverter().write(aggregateDocument, bson);
        bson.remove("_class");
        return bson;
    }

    static Document toBson(OutboxMessage message) {
        return new Document("id", message.id())
                .append("topic", message.topic())
                .append("key", message.key())
                .append("type", message.type())
                .append("payload", message.payload())
                .append("occurredAt", java.util.Date.from(message.occurredAt()));
    }
}
