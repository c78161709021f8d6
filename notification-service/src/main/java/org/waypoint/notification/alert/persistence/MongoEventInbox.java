package org.waypoint.notification.alert.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import org.waypoint.notification.alert.application.EventInbox;

/** The inbox in the {@code events} collection, keyed by CloudEvent id: "seen before?" is one atomic insert. */
@Repository
public class MongoEventInbox implements EventInbox {

    static final String COLLECTION = "events";

    private final MongoTemplate mongo;

    public MongoEventInbox(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean addIfNew(String eventId, String topic, String type, String payload, Instant now, Instant leaseUntil) {
        try {
            mongo.insert(new Document("_id", eventId).append("topic", topic).append("type", type).append("payload", payload)
                    .append("status", Status.PROCESSING.name()).append("attempts", 1)
                    .append("receivedAt", Date.from(now)).append("nextAttemptAt", Date.from(leaseUntil)), COLLECTION);
            return true;
        } catch (DuplicateKeyException seen) {
            return false;
        }
    }

    @Override
    public Set<String> addAllIfNew(List<NewEntry> entries, Instant now, Instant leaseUntil) {
        List<Document> docs = new ArrayList<>();
        Set<String> given = new HashSet<>();
        for (NewEntry e : entries) {
            if (given.add(e.eventId())) {
                docs.add(new Document("_id", e.eventId()).append("topic", e.topic()).append("type", e.type())
                        .append("payload", e.payload()).append("status", Status.PROCESSING.name()).append("attempts", 1)
                        .append("receivedAt", Date.from(now)).append("nextAttemptAt", Date.from(leaseUntil)));
            }
        }
        return InsertAll.ifNew(mongo.getCollection(COLLECTION), docs);
    }

    @Override
    public Optional<Entry> claimDue(Instant now, Instant leaseUntil) {
        Query due = new Query(Criteria.where("status").in(Status.WAITING.name(), Status.PROCESSING.name())
                .and("nextAttemptAt").lte(Date.from(now))).with(Sort.by("receivedAt"));
        Document claimed = mongo.findAndModify(due,
                new Update().set("status", Status.PROCESSING.name()).set("nextAttemptAt", Date.from(leaseUntil)).inc("attempts", 1),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        return Optional.ofNullable(claimed).map(MongoEventInbox::toEntry);
    }

    @Override
    public void markDone(String eventId, Instant at) {
        mongo.updateFirst(byId(eventId), new Update().set("status", Status.DONE.name()).set("doneAt", Date.from(at))
                .unset("payload").unset("lastError"), COLLECTION);
    }

    @Override
    public void markAllDone(Collection<String> eventIds, Instant at) {
        if (!eventIds.isEmpty()) {
            mongo.updateMulti(new Query(Criteria.where("_id").in(eventIds)), new Update().set("status", Status.DONE.name())
                    .set("doneAt", Date.from(at)).unset("payload").unset("lastError"), COLLECTION);
        }
    }

    @Override
    public void markWaiting(String eventId, String reason, Instant retryAt) {
        mongo.updateFirst(byId(eventId), new Update().set("status", Status.WAITING.name()).set("lastError", reason)
                .set("nextAttemptAt", Date.from(retryAt)), COLLECTION);
    }

    @Override
    public void markDead(String eventId, String reason) {
        mongo.updateFirst(byId(eventId), new Update().set("status", Status.DEAD.name()).set("lastError", reason), COLLECTION);
    }

    @Override
    public void reopen(String eventId, String topic, String type, String payload, Instant now, Instant leaseUntil) {
        mongo.upsert(byId(eventId), new Update().set("topic", topic).set("type", type).set("payload", payload)
                .set("status", Status.PROCESSING.name()).set("attempts", 1).set("nextAttemptAt", Date.from(leaseUntil))
                .setOnInsert("receivedAt", Date.from(now)).set("replayedAt", Date.from(now)), COLLECTION);
    }

    @Override
    public List<Entry> list(Status status, int limit) {
        Query query = status == null ? new Query() : new Query(Criteria.where("status").is(status.name()));
        return mongo.find(query.with(Sort.by(Sort.Direction.DESC, "receivedAt")).limit(limit), Document.class, COLLECTION)
                .stream().map(MongoEventInbox::toEntry).toList();
    }

    @Override
    public long count(Status status) {
        return mongo.count(new Query(Criteria.where("status").is(status.name())), COLLECTION);
    }

    private static Query byId(String eventId) {
        return new Query(Criteria.where("_id").is(eventId));
    }

    private static Entry toEntry(Document d) {
        return new Entry(d.getString("_id"), d.getString("topic"), d.getString("type"), d.getString("payload"),
                Status.valueOf(d.getString("status")), d.getInteger("attempts", 0), d.getDate("receivedAt").toInstant(),
                d.getDate("nextAttemptAt") == null ? null : d.getDate("nextAttemptAt").toInstant(), d.getString("lastError"));
    }
}
