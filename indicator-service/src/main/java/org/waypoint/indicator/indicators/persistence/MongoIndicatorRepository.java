package org.waypoint.indicator.indicators.persistence;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import org.waypoint.indicator.api.IndicatorEvent;
import org.waypoint.indicator.indicators.application.IndicatorQueries;
import org.waypoint.indicator.indicators.application.OrganisationSettings;
import org.waypoint.indicator.indicators.domain.Indicator;
import org.waypoint.indicator.indicators.domain.IndicatorId;
import org.waypoint.indicator.indicators.domain.Indicators;
import org.waypoint.indicator.indicators.domain.Status;
import org.waypoint.indicator.indicators.messaging.IndicatorEventsOutbox;
import org.waypoint.platform.outbox.MongoOutboxWriter;
import org.waypoint.platform.validation.InvalidInputException;

import com.mongodb.client.model.Projections;

/** Indicators in MongoDB, each saved together with the events it caused (see {@link MongoOutboxWriter}). */
@Repository
public class MongoIndicatorRepository implements Indicators, IndicatorQueries {

    private final MongoTemplate mongo;
    private final MongoOutboxWriter writer;
    private final IndicatorEventsOutbox events;
    private final OrganisationSettings settings;

    public MongoIndicatorRepository(MongoTemplate mongo, MongoOutboxWriter writer, IndicatorEventsOutbox events,
                                    OrganisationSettings settings) {
        this.mongo = mongo;
        this.writer = writer;
        this.events = events;
        this.settings = settings;
        mongo.indexOps(IndicatorDocument.COLLECTION).createIndex(new Index("code", Sort.Direction.ASC).unique());
    }

    @Override
    public void insert(Indicator indicator, List<IndicatorEvent> caused) {
        try {
            writer.insert(IndicatorDocument.from(indicator, settings.defaultTolerance()), IndicatorDocument.COLLECTION,
                    events.messages(caused));
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("code", "is already used by another indicator: " + indicator.definition().code());
        }
    }

    @Override
    public void update(Indicator indicator, List<IndicatorEvent> caused) {
        try {
            writer.update(IndicatorDocument.from(indicator, settings.defaultTolerance()), indicator.id().value(),
                    indicator.version(), IndicatorDocument.COLLECTION, events.messages(caused));
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("code", "is already used by another indicator: " + indicator.definition().code());
        }
    }

    @Override
    public Optional<Indicator> find(IndicatorId id) {
        return Optional.ofNullable(mongo.findById(id.value(), IndicatorDocument.class, IndicatorDocument.COLLECTION))
                .map(IndicatorDocument::toDomain);
    }

    @Override
    public Optional<Indicator> findByCode(String code) {
        return Optional.ofNullable(mongo.findOne(new Query(Criteria.where("code").is(code)), IndicatorDocument.class,
                IndicatorDocument.COLLECTION)).map(IndicatorDocument::toDomain);
    }

    @Override
    public List<Indicator> batch(String afterId, int limit) {
        Criteria criteria = afterId == null ? new Criteria() : Criteria.where("_id").gt(afterId);
        return mongo.find(new Query(criteria).with(Sort.by("_id")).limit(limit), IndicatorDocument.class,
                IndicatorDocument.COLLECTION).stream().map(IndicatorDocument::toDomain).toList();
    }

    @Override
    public List<Indicator> matching(Filter filter, int max) {
        return mongo.find(new Query(criteria(filter)).with(Sort.by("code")).limit(max), IndicatorDocument.class,
                        IndicatorDocument.COLLECTION).stream()
                .map(IndicatorDocument::toDomain)
                .toList();
    }

    private static Criteria criteria(Filter filter) {
        Criteria criteria = new Criteria();
        if (filter.serviceArea() != null) {
            criteria.and("serviceArea").is(filter.serviceArea());
        }
        if (filter.theme() != null) {
            criteria.and("theme").is(filter.theme().name());
        }
        List<Criteria> all = new ArrayList<>();
        if (filter.owner() != null) {
            all.add(new Criteria().orOperator(Criteria.where("owner.username").is(filter.owner()),
                    Criteria.where("owner.name").is(filter.owner())));
        }
        if (filter.text() != null) {
            Pattern text = Pattern.compile(Pattern.quote(filter.text()), Pattern.CASE_INSENSITIVE);
            all.add(new Criteria().orOperator(Criteria.where("name").regex(text), Criteria.where("code").regex(text),
                    Criteria.where("description").regex(text)));
        }
        if (!all.isEmpty()) {
            criteria.andOperator(all.toArray(Criteria[]::new));
        }
        return criteria;
    }

    /**
     * Counts straight from the derived {@code statuses}: only the fields needed are read, and no
     * indicator is rebuilt, so a committee summary over thousands of indicators stays fast.
     */
    @Override
    public Counts count(Filter filter) {
        Bson query = new Document(criteria(filter).getCriteriaObject());
        Bson projection = Projections.include("currentStatus", "statuses.end", "statuses.status",
                "statuses.needsRemedialCommentary");
        Date asAt = filter.period() == null ? null
                : Date.from(filter.period().end().atStartOfDay(ZoneOffset.UTC).toInstant());
        long[] counts = new long[Status.values().length];
        long redWithoutCommentary = 0;
        for (Document doc : mongo.getCollection(IndicatorDocument.COLLECTION).find(query).projection(projection)) {
            String status;
            boolean needsCommentary = false;
            List<Document> statuses = doc.getList("statuses", Document.class, List.of());
            Document chosen = null;
            if (asAt == null) {
                chosen = statuses.isEmpty() ? null : statuses.getLast();
            } else {
                for (Document s : statuses) {
                    Date end = s.getDate("end");
                    if (end != null && !end.after(asAt)) {
                        chosen = s;
                    }
                }
            }
            if (chosen == null) {
                status = asAt == null && doc.getString("currentStatus") != null ? doc.getString("currentStatus") : Status.GREY.name();
            } else {
                status = chosen.getString("status");
                needsCommentary = Boolean.TRUE.equals(chosen.getBoolean("needsRemedialCommentary"));
            }
            counts[Status.valueOf(status).ordinal()]++;
            if (needsCommentary) {
                redWithoutCommentary++;
            }
        }
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            byStatus.put(s, counts[s.ordinal()]);
        }
        return new Counts(byStatus, redWithoutCommentary);
    }
}
