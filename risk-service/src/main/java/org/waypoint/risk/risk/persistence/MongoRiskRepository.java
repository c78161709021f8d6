package org.waypoint.risk.risk.persistence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import org.waypoint.platform.outbox.MongoOutboxWriter;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.risk.api.RiskEvent;
import org.waypoint.risk.risk.application.RiskQueries;
import org.waypoint.risk.risk.domain.Risk;
import org.waypoint.risk.risk.domain.RiskStatus;
import org.waypoint.risk.risk.domain.Risks;
import org.waypoint.risk.risk.messaging.RiskEventsOutbox;

/**
 * Risks in MongoDB, each saved together with the events it caused. A unique index on register and
 * code backs the check in the use case, so two people raising the same code at once cannot both win.
 */
@Repository
public class MongoRiskRepository implements Risks, RiskQueries {

    /** Registers hold tens to hundreds of risks; lists are sorted in memory up to this. */
    static final int MAX_LISTED = 20_000;

    private final MongoTemplate mongo;
    private final MongoOutboxWriter writer;
    private final RiskEventsOutbox events;
    private final Clock clock;

    public MongoRiskRepository(MongoTemplate mongo, MongoOutboxWriter writer, RiskEventsOutbox events, Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the unique index on register and code once the application is up (before demo data loads). */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(0)
    public void createIndexes() {
        try {
            mongo.indexOps(RiskDocument.COLLECTION).createIndex(
                    new Index().on("registerId", Sort.Direction.ASC).on("code", Sort.Direction.ASC).unique().named("register_code"));
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(MongoRiskRepository.class)
                    .warn("Could not create the unique index on register and code yet: {}", e.getMessage());
        }
    }

    @Override
    public void insert(Risk risk, List<RiskEvent> caused) {
        try {
            writer.insert(RiskDocument.from(risk), RiskDocument.COLLECTION, events.messages(caused));
        } catch (DuplicateKeyException taken) {
            throw new InvalidInputException("code", "'" + risk.code() + "' is already used in register '" + risk.registerName() + "'");
        }
    }

    @Override
    public void update(Risk risk, List<RiskEvent> caused) {
        writer.update(RiskDocument.from(risk), risk.id().value(), risk.version(), RiskDocument.COLLECTION, events.messages(caused));
    }

    @Override
    public Optional<Risk> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RiskDocument.class, RiskDocument.COLLECTION)).map(RiskDocument::toDomain);
    }

    @Override
    public Optional<Risk> findByCode(String registerId, String code) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("registerId").is(registerId).and("code").is(code)),
                RiskDocument.class, RiskDocument.COLLECTION)).map(RiskDocument::toDomain);
    }

    @Override
    public List<Risk> inRegister(String registerId) {
        return mongo.find(new Query(Criteria.where("registerId").is(registerId)).with(Sort.by("code")).limit(MAX_LISTED),
                RiskDocument.class, RiskDocument.COLLECTION).stream().map(RiskDocument::toDomain).toList();
    }

    @Override
    public List<Risk> needingAttention(LocalDate today, LocalDate horizon, int limit) {
        Criteria open = Criteria.where("status").is(RiskStatus.OPEN.name());
        Criteria due = new Criteria().orOperator(
                Criteria.where("nextReviewDue").lte(horizon),
                Criteria.where("mitigations.dueDate").lt(today));
        return mongo.find(new Query(new Criteria().andOperator(open, due)).with(Sort.by("nextReviewDue")).limit(MAX_LISTED),
                        RiskDocument.class, RiskDocument.COLLECTION).stream()
                .map(RiskDocument::toDomain)
                .filter(r -> r.checkDates(today, (int) java.time.temporal.ChronoUnit.DAYS.between(today, horizon)).isPresent())
                .limit(limit)
                .toList();
    }

    @Override
    public List<Risk> evaluatedBefore(String registerId, int frameworkRevision, int limit) {
        return mongo.find(new Query(Criteria.where("registerId").is(registerId).and("frameworkRevision").lt(frameworkRevision))
                        .limit(limit), RiskDocument.class, RiskDocument.COLLECTION).stream()
                .map(RiskDocument::toDomain).toList();
    }

    @Override
    public Page list(Filter filter, int page, int size, String sortField, boolean ascending) {
        Comparator<Risk> order = comparator(sortField);
        List<Risk> all = matching(filter).stream().sorted(ascending ? order : order.reversed()).toList();
        int from = Math.min(page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page(all.subList(from, to), all.size(), page, size);
    }

    @Override
    public List<Risk> matching(Filter filter) {
        Criteria criteria = new Criteria();
        if (filter.registerId() != null) {
            criteria.and("registerId").is(filter.registerId());
        }
        if (filter.serviceArea() != null) {
            criteria.and("serviceArea").regex(exactly(filter.serviceArea()));
        }
        if (filter.category() != null) {
            criteria.and("category").regex(exactly(filter.category()));
        }
        if (filter.band() != null) {
            criteria.and("current.band").is(filter.band().name());
        }
        if (filter.aboveAppetite() != null) {
            criteria.and("aboveAppetite").is(filter.aboveAppetite());
        }
        if (filter.status() != null) {
            criteria.and("status").is(filter.status().name());
        }
        LocalDate today = LocalDate.now(clock);
        return mongo.find(new Query(criteria).limit(MAX_LISTED), RiskDocument.class, RiskDocument.COLLECTION).stream()
                .map(RiskDocument::toDomain)
                .filter(r -> filter.owner() == null || r.owner() != null && r.owner().isCalled(filter.owner()))
                .filter(r -> filter.reviewOverdue() == null || r.isReviewOverdueOn(today) == filter.reviewOverdue())
                .filter(r -> filter.text() == null || contains(r, filter.text()))
                .toList();
    }

    private static Pattern exactly(String text) {
        return Pattern.compile("^" + Pattern.quote(text.strip()) + "$", Pattern.CASE_INSENSITIVE);
    }

    private static boolean contains(Risk r, String text) {
        String needle = text.toLowerCase(java.util.Locale.ROOT);
        return r.code().toLowerCase(java.util.Locale.ROOT).contains(needle)
                || r.title().toLowerCase(java.util.Locale.ROOT).contains(needle)
                || r.description() != null && r.description().toLowerCase(java.util.Locale.ROOT).contains(needle);
    }

    private static Comparator<Risk> comparator(String field) {
        Comparator<Risk> byField = switch (field == null ? "code" : field) {
            case "score" -> Comparator.comparingInt(r -> r.current().score());
            case "title" -> Comparator.comparing(Risk::title, String.CASE_INSENSITIVE_ORDER);
            case "review" -> Comparator.comparing(r -> r.nextReviewDue() == null ? LocalDate.MAX : r.nextReviewDue());
            case "created" -> Comparator.comparing(Risk::createdAt);
            case "category" -> Comparator.comparing(Risk::category, String.CASE_INSENSITIVE_ORDER);
            default -> Comparator.comparing(Risk::code);
        };
        return byField.thenComparing(r -> r.id().value());
    }
}
