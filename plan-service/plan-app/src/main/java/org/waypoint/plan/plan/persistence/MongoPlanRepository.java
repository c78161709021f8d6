package org.waypoint.plan.plan.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import org.waypoint.plan.api.PlanEvent;
import org.waypoint.plan.common.domain.HistoryEntry;
import org.waypoint.plan.common.messaging.PlanEventsOutbox;
import org.waypoint.plan.common.persistence.HistoryDocuments;
import org.waypoint.plan.plan.application.PlanQueries;
import org.waypoint.plan.plan.domain.Plan;
import org.waypoint.plan.plan.domain.PlanId;
import org.waypoint.plan.plan.domain.Plans;
import org.waypoint.platform.outbox.MongoOutboxWriter;

/** Plans in MongoDB, saved with their events and history in one write. */
@Repository
public class MongoPlanRepository implements Plans, PlanQueries {

    private final MongoTemplate mongo;
    private final MongoOutboxWriter writer;
    private final PlanEventsOutbox events;

    public MongoPlanRepository(MongoTemplate mongo, MongoOutboxWriter writer, PlanEventsOutbox events) {
        this.mongo = mongo;
        this.writer = writer;
        this.events = events;
    }

    @Override
    public void insert(Plan plan, List<PlanEvent> caused, HistoryEntry change) {
        writer.insert(PlanDocument.from(plan), PlanDocument.COLLECTION, events.messages(caused),
                Map.of(HistoryDocuments.FIELD, List.of(HistoryDocuments.toBson(change))));
    }

    @Override
    public void update(Plan plan, List<PlanEvent> caused, HistoryEntry change) {
        writer.update(PlanDocument.from(plan), plan.id().value(), plan.version(), PlanDocument.COLLECTION,
                events.messages(caused), Map.of(HistoryDocuments.FIELD, List.of(HistoryDocuments.toBson(change))));
    }

    @Override
    public Optional<Plan> find(PlanId id) {
        return Optional.ofNullable(mongo.findById(id.value(), PlanDocument.class, PlanDocument.COLLECTION))
                .map(PlanDocument::toDomain);
    }

    @Override
    public Page list(Filter filter, int page, int size) {
        List<Criteria> all = new ArrayList<>();
        if (filter.organisation() != null) {
            all.add(Criteria.where("organisation").is(filter.organisation()));
        }
        if (filter.serviceArea() != null) {
            all.add(Criteria.where("serviceArea").is(filter.serviceArea()));
        }
        if (filter.status() != null) {
            all.add(Criteria.where("status").is(filter.status().name()));
        }
        if (filter.text() != null) {
            all.add(Criteria.where("title").regex(Pattern.compile(Pattern.quote(filter.text()), Pattern.CASE_INSENSITIVE)));
        }
        Query query = new Query(all.isEmpty() ? new Criteria() : new Criteria().andOperator(all));
        long total = mongo.count(query, PlanDocument.COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "firstYear").and(Sort.by("title", "_id"))).skip((long) page * size).limit(size);
        query.fields().exclude(HistoryDocuments.FIELD).exclude("outbox");
        List<Plan> items = mongo.find(query, PlanDocument.class, PlanDocument.COLLECTION).stream().map(PlanDocument::toDomain).toList();
        return new Page(items, total, page, size);
    }

    @Override
    public List<HistoryEntry> history(PlanId id) {
        Query query = new Query(Criteria.where("_id").is(id.value()));
        query.fields().include(HistoryDocuments.FIELD);
        return HistoryDocuments.fromBson(mongo.findOne(query, Document.class, PlanDocument.COLLECTION));
    }
}
