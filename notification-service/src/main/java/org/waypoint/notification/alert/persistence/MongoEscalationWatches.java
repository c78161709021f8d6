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
import org.waypoint.notification.alert.application.EscalationWatches;

/** Escalation watches in {@code escalations}, keyed by (rule, item, transition). */
@Repository
public class MongoEscalationWatches implements EscalationWatches {

    static final String COLLECTION = "escalations";

    private final MongoTemplate mongo;

    public MongoEscalationWatches(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean addIfNew(Watch watch) {
        try {
            mongo.insert(toDocument(watch), COLLECTION);
            return true;
        } catch (DuplicateKeyException exists) {
            return false;
        }
    }

    @Override
    public void addAllIfNew(List<Watch> watches) {
        InsertAll.ifNew(mongo.getCollection(COLLECTION), watches.stream().map(MongoEscalationWatches::toDocument).toList());
    }

    private static Document toDocument(Watch watch) {
        return new Document("_id", watch.id()).append("ruleId", watch.ruleId()).append("itemId", watch.itemId())
                .append("transition", watch.transition()).append("eventId", watch.eventId()).append("topic", watch.topic())
                .append("payload", watch.payload()).append("dueAt", Date.from(watch.dueAt()))
                .append("status", watch.status().name());
    }

    @Override
    public Optional<Watch> claimDue(Instant now, Instant leaseUntil) {
        Query due = new Query(Criteria.where("status").is(Status.OPEN.name()).and("dueAt").lte(Date.from(now)))
                .with(Sort.by("dueAt"));
        Document before = mongo.findAndModify(due, new Update().set("dueAt", Date.from(leaseUntil)),
                FindAndModifyOptions.options().returnNew(false), Document.class, COLLECTION);
        return Optional.ofNullable(before).map(MongoEscalationWatches::toWatch);
    }

    @Override
    public List<Watch> openFor(String itemId) {
        return mongo.find(new Query(Criteria.where("itemId").is(itemId).and("status").is(Status.OPEN.name())),
                Document.class, COLLECTION).stream().map(MongoEscalationWatches::toWatch).toList();
    }

    @Override
    public void mark(String id, Status status) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().set("status", status.name()), COLLECTION);
    }

    @Override
    public void retryAt(String id, Instant at) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().set("dueAt", Date.from(at)), COLLECTION);
    }

    private static Watch toWatch(Document d) {
        return new Watch(d.getString("_id"), d.getString("ruleId"), d.getString("itemId"), d.getString("transition"),
                d.getString("eventId"), d.getString("topic"), d.getString("payload"), d.getDate("dueAt").toInstant(),
                Status.valueOf(d.getString("status")));
    }
}
