package org.waypoint.plan.action.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import org.waypoint.plan.action.application.ActionQueries;
import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionId;
import org.waypoint.plan.action.domain.Actions;
import org.waypoint.plan.action.messaging.PlanEventsOutbox;
import org.waypoint.plan.api.PlanEvent;
import org.waypoint.platform.outbox.MongoOutboxWriter;

/** Actions in MongoDB, each saved together with the events it caused (see {@link MongoOutboxWriter}). */
@Repository
public class MongoActionRepository implements Actions, ActionQueries {

    /** A plan has tens to hundreds of actions: status is derived, so lists are filtered in memory up to this. */
    static final int MAX_LISTED = 5000;

    private final MongoTemplate mongo;
    private final MongoOutboxWriter writer;
    private final PlanEventsOutbox events;
    private final Clock clock;

    public MongoActionRepository(MongoTemplate mongo, MongoOutboxWriter writer, PlanEventsOutbox events, Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void insert(Action action, List<PlanEvent> caused) {
        writer.insert(ActionDocument.from(action), ActionDocument.COLLECTION, events.messages(caused));
    }

    @Override
    public void update(Action action, List<PlanEvent> caused) {
        writer.update(ActionDocument.from(action), action.id().value(), action.version(), ActionDocument.COLLECTION,
                events.messages(caused));
    }

    @Override
    public Optional<Action> find(ActionId id) {
        return Optional.ofNullable(mongo.findById(id.value(), ActionDocument.class, ActionDocument.COLLECTION))
                .map(ActionDocument::toDomain);
    }

    @Override
    public List<Action> overdueCandidates(LocalDate today, int limit) {
        Query query = new Query(Criteria.where("dueDate").lt(today)
                .and("cancelled").is(false)
                .and("postponed").is(false)
                .and("progressPercent").lt(100))
                .with(Sort.by("dueDate"))
                .limit(limit * 4);
        return mongo.find(query, ActionDocument.class, ActionDocument.COLLECTION).stream()
                .filter(d -> !d.dueDate().equals(d.overdueAnnouncedFor()))
                .limit(limit)
                .map(ActionDocument::toDomain)
                .toList();
    }

    @Override
    public Page list(Filter filter, int page, int size, String sortField, boolean ascending) {
        Criteria criteria = new Criteria();
        if (filter.planId() != null) {
            criteria.and("planId").is(filter.planId());
        }
        if (filter.serviceArea() != null) {
            criteria.and("serviceArea").is(filter.serviceArea());
        }
        if (filter.lead() != null) {
            criteria.orOperator(Criteria.where("leads.name").is(filter.lead()), Criteria.where("leads.username").is(filter.lead()));
        }
        if (filter.text() != null) {
            Pattern text = Pattern.compile(Pattern.quote(filter.text()), Pattern.CASE_INSENSITIVE);
            criteria.andOperator(new Criteria().orOperator(Criteria.where("title").regex(text),
                    Criteria.where("description").regex(text), Criteria.where("reference").regex(text)));
        }
        LocalDate today = LocalDate.now(clock);
        List<Action> matching = mongo.find(new Query(criteria).limit(MAX_LISTED), ActionDocument.class, ActionDocument.COLLECTION)
                .stream()
                .map(ActionDocument::toDomain)
                .filter(a -> filter.status() == null || a.status(today) == filter.status())
                .sorted(ascending ? comparator(sortField, today) : comparator(sortField, today).reversed())
                .toList();
        int from = Math.min(page * size, matching.size());
        int to = Math.min(from + size, matching.size());
        return new Page(matching.subList(from, to), matching.size(), page, size);
    }

    private static Comparator<Action> comparator(String field, LocalDate today) {
        Comparator<Action> byField = switch (field == null ? "due" : field.toLowerCase(Locale.ROOT)) {
            case "title" -> Comparator.comparing(Action::title, String.CASE_INSENSITIVE_ORDER);
            case "reference" -> Comparator.comparing(a -> a.reference() == null ? "" : a.reference());
            case "progress" -> Comparator.comparingInt(Action::progressPercent);
            case "status" -> Comparator.comparing(a -> a.status(today));
            case "created" -> Comparator.comparing(Action::createdAt);
            default -> Comparator.comparing(a -> a.due().date());
        };
        return byField.thenComparing(a -> a.id().value());
    }
}
