package org.waypoint.platform.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
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

    /** The unique index on {@code {_id, version}} every collection this writer writes to gets. */
    public static final String ID_AND_VERSION_INDEX = "_id_version";

    private static final Logger log = LoggerFactory.getLogger(MongoOutboxWriter.class);

    private final MongoTemplate mongo;
    private final OutboxWakeUp wakeUp;
    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

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
        insertAll(collection, List.of(new NewAggregate(aggregateDocument, events, alongside)));
    }

    /** A new aggregate for {@link #insertAll}: its document, its first events and fields kept beside it. */
    public record NewAggregate(Object document, List<OutboxMessage> events, Map<String, Object> alongside) {
        public NewAggregate {
            events = List.copyOf(events);
            alongside = Map.copyOf(alongside);
        }
    }

    /**
     * Inserts new aggregates, each at version 0 with its own events, in one write (an import). Each
     * document is still saved whole with its events; if the write fails part way (a duplicate id),
     * the documents before the failing one are saved with theirs, and the relay publishes those.
     */
    public void insertAll(String collection, List<NewAggregate> aggregates) {
        if (aggregates.isEmpty()) {
            return;
        }
        ensureIndexed(collection);
        List<Document> documents = new ArrayList<>(aggregates.size());
        for (NewAggregate aggregate : aggregates) {
            Document bson = toBson(aggregate.document());
            aggregate.alongside().forEach(bson::put);
            bson.put(VERSION, 0L);
            bson.put(OutboxMessage.FIELD, aggregate.events().stream().map(MongoOutboxWriter::toBson).toList());
            documents.add(bson);
        }
        try {
            if (documents.size() == 1) {
                mongo.insert(documents.get(0), collection);
            } else {
                mongo.insert(documents, collection);
            }
        } finally {
            // even after a partial failure: the relay reads each named document and skips any not stored
            for (int i = 0; i < documents.size(); i++) {
                if (!aggregates.get(i).events().isEmpty()) {
                    wakeUp.written(collection, documents.get(i).get("_id"));
                }
            }
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
        ensureIndexed(collection);
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

    /**
     * Gives {@code collection} a unique index on {@code {_id, version}}, once per writer (also done on
     * the first write to it). An update matches {@code {_id, version}}: MongoDB answers that from the
     * {@code _id} index anyway, but the MongoDB-compatible server uses an index only when a query names
     * exactly the fields of a unique one, so without this every save read the whole collection
     * (ADR 13). Redundant but valid on MongoDB. A failure is logged, never fails a write.
     */
    public void ensureIndexed(String collection) {
        if (!indexed.add(collection)) {
            return;
        }
        try {
            mongo.indexOps(collection).createIndex(new Index().on("_id", Sort.Direction.ASC).on(VERSION, Sort.Direction.ASC)
                    .unique().named(ID_AND_VERSION_INDEX));
        } catch (RuntimeException e) {
            indexed.remove(collection);
            log.warn("Could not create the {} index on {} (saves still work, more slowly): {}", ID_AND_VERSION_INDEX, collection,
                    e.getMessage());
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
