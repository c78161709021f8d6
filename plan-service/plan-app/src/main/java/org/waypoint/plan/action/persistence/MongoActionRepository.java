package org.waypoint.plan.action.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import org.waypoint.plan.action.application.ActionQueries;
import org.waypoint.plan.action.application.StatusRules;
import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionId;
import org.waypoint.plan.action.domain.Actions;
import org.waypoint.plan.api.PlanEvent;
import org.waypoint.plan.common.domain.HistoryEntry;
import org.waypoint.plan.common.messaging.PlanEventsOutbox;
import org.waypoint.plan.common.persistence.HistoryDocuments;
import org.waypoint.platform.outbox.MongoOutboxWriter;

/**
 * Actions in MongoDB, each saved together with the events it caused and its history entry (see
 * {@link MongoOutboxWriter}). Every write with a next review date first queues the action in the
 * review queue ({@link MongoActionReviewQueue}), from which the scan reads only the actions the
 * passage of time can have changed, by {@code _id}. {@code nextCheckOn} stays on the action, and
 * indexed, for readers with a real MongoDB and for starting the queue over stored data.
 */
@Repository
public class MongoActionRepository implements Actions, ActionQueries {

    /** A plan has tens to hundreds of actions: status is derived, so lists are filtered in memory up to this. */
    static final int MAX_LISTED = 20_000;

    private final MongoTemplate mongo;
    private final MongoOutboxWriter writer;
    private final PlanEventsOutbox events;
    private final StatusRules rules;
    private final Clock clock;
    private final MongoActionReviewQueue queue;

    public MongoActionRepository(MongoTemplate mongo, MongoOutboxWriter writer, PlanEventsOutbox events,
                                 StatusRules rules, Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.events = events;
        this.rules = rules;
        this.clock = clock;
        this.queue = new MongoActionReviewQueue(mongo, clock);
        var indexes = mongo.indexOps(ActionDocument.COLLECTION);
        indexes.createIndex(new Index().on("nextCheckOn", Sort.Direction.ASC));
        // each save matches {_id, version}: a key look-up only with this index on the compatible server (ADR 13)
        writer.ensureIndexed(ActionDocument.COLLECTION);
        indexes.createIndex(new Index().on("planId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("leads.username", Sort.Direction.ASC));
    }

    @Override
    public void insert(Insertion insertion) {
        insertAll(List.of(insertion));
    }

    @Override
    public void insertAll(List<Insertion> insertions) {
        Map<String, LocalDate> reviews = new LinkedHashMap<>();
        insertions.forEach(i -> {
            if (i.nextReviewOn() != null) {
                reviews.put(i.action().id().value(), i.nextReviewOn());
            }
        });
        queue.enqueueAll(reviews, 0L); // the outbox writer inserts at version 0
        writer.insertAll(ActionDocument.COLLECTION, insertions.stream()
                .map(i -> new MongoOutboxWriter.NewAggregate(ActionDocument.from(i.action(), i.nextReviewOn()),
                        events.messages(i.events()), Map.of(HistoryDocuments.FIELD, List.of(HistoryDocuments.toBson(i.change())))))
                .toList());
    }

    @Override
    public void update(Action action, List<PlanEvent> caused, HistoryEntry change, LocalDate nextReviewOn) {
        if (nextReviewOn != null) {
            queue.enqueue(action.id().value(), nextReviewOn, action.version() + 1); // the writer bumps the version
        }
        writer.update(ActionDocument.from(action, nextReviewOn), action.id().value(), action.version(),
                ActionDocument.COLLECTION, events.messages(caused),
                Map.of(HistoryDocuments.FIELD, change == null ? List.of() : List.of(HistoryDocuments.toBson(change))));
    }

    @Override
    public Optional<Action> find(ActionId id) {
        return Optional.ofNullable(mongo.findById(id.value(), ActionDocument.class, ActionDocument.COLLECTION))
                .map(ActionDocument::toDomain);
    }

    @Override
    public List<HistoryEntry> history(ActionId id) {
        Query query = new Query(Criteria.where("_id").is(id.value()));
        query.fields().include(HistoryDocuments.FIELD);
        return HistoryDocuments.fromBson(mongo.findOne(query, Document.class, ActionDocument.COLLECTION));
    }

    @Override
    public List<Action> dueForReview(LocalDate today, int limit) {
        return queue.due(today, limit).stream().map(ActionDocument::toDomain).toList();
    }

    @Override
    public void reviewedUpTo(LocalDate today) {
        queue.reviewedUpTo(today);
    }

    /** The review queue, for tests and measurements in this package. */
    MongoActionReviewQueue reviewQueue() {
        return queue;
    }

    @Override
    public Page list(Filter filter, int page, int size, String sortField, boolean ascending) {
        List<Criteria> all = new ArrayList<>();
        if (filter.planId() != null) {
            all.add(Criteria.where("planId").is(filter.planId()));
        }
        if (filter.priorityId() != null) {
            all.add(Criteria.where("priorityId").is(filter.priorityId()));
        }
        if (filter.serviceArea() != null) {
            all.add(Criteria.where("serviceArea").is(filter.serviceArea()));
        }
        if (filter.lead() != null) {
            all.add(new Criteria().orOperator(Criteria.where("leads.username").is(filter.lead()),
                    Criteria.where("leads.name").is(filter.lead())));
        }
        if (filter.dueBefore() != null) {
            all.add(Criteria.where("effectiveDue").lt(filter.dueBefore()));
        }
        if (filter.dueAfter() != null) {
            all.add(Criteria.where("effectiveDue").gt(filter.dueAfter()));
        }
        if (filter.text() != null) {
            Pattern text = Pattern.compile(Pattern.quote(filter.text()), Pattern.CASE_INSENSITIVE);
            all.add(new Criteria().orOperator(Criteria.where("title").regex(text),
                    Criteria.where("description").regex(text), Criteria.where("reference").regex(text)));
        }
        Query query = new Query(all.isEmpty() ? new Criteria() : new Criteria().andOperator(all)).limit(MAX_LISTED);
        query.fields().exclude(HistoryDocuments.FIELD).exclude("outbox");
        LocalDate today = LocalDate.now(clock);
        var rule = rules.current();
        List<Action> matching = mongo.find(query, ActionDocument.class, ActionDocument.COLLECTION).stream()
                .map(ActionDocument::toDomain)
                .filter(a -> filter.status() == null || a.status(today, rule) == filter.status())
                .sorted(ascending ? comparator(sortField, today, rule) : comparator(sortField, today, rule).reversed())
                .toList();
        int from = Math.min(page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        return new Page(matching.subList(from, to), matching.size(), page, size);
    }

    private static Comparator<Action> comparator(String field, LocalDate today, org.waypoint.plan.action.domain.StatusRule rule) {
        Comparator<Action> byField = switch (field == null ? "due" : field.toLowerCase(Locale.ROOT)) {
            case "title" -> Comparator.comparing(a -> a.details().title(), String.CASE_INSENSITIVE_ORDER);
            case "reference" -> Comparator.comparing(a -> a.details().reference() == null ? "" : a.details().reference());
            case "progress" -> Comparator.comparingInt(Action::progressPercent);
            case "status" -> Comparator.comparing(a -> a.status(today, rule));
            case "created" -> Comparator.comparing(Action::createdAt);
            default -> Comparator.comparing(Action::effectiveDue);
        };
        return byField.thenComparing(a -> a.id().value());
    }
}
