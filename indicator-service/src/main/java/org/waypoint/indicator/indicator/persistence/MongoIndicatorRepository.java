package org.waypoint.indicator.indicator.persistence;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import org.waypoint.indicator.api.IndicatorEvent;
import org.waypoint.indicator.indicator.application.IndicatorQueries;
import org.waypoint.indicator.indicator.application.OrganisationSettings;
import org.waypoint.indicator.indicator.domain.Indicator;
import org.waypoint.indicator.indicator.domain.IndicatorId;
import org.waypoint.indicator.indicator.domain.Indicators;
import org.waypoint.indicator.indicator.messaging.IndicatorEventsOutbox;
import org.waypoint.platform.outbox.MongoOutboxWriter;
import org.waypoint.platform.validation.InvalidInputException;


/** Indicators in MongoDB, each saved together with the events it caused (see {@link MongoOutboxWriter}). */
@Repository
public class MongoIndicatorRepository implements Indicators, IndicatorQueries {

    private final MongoTemplate mongo;
    private final MongoOutboxWriter writer;
    private final IndicatorEventsOutbox events;
    private final OrganisationSettings settings;
    private final StatusIndex index;
    private final Clock clock;

    public MongoIndicatorRepository(MongoTemplate mongo, MongoOutboxWriter writer, IndicatorEventsOutbox events,
                                    OrganisationSettings settings, StatusIndex index, Clock clock) {
        this.mongo = mongo;
        this.writer = writer;
        this.events = events;
        this.settings = settings;
        this.index = index;
        this.clock = clock;
    }

    @Override
    public void insert(Indicator indicator, List<IndicatorEvent> caused) {
        IndicatorDocument doc = IndicatorDocument.from(indicator, settings.defaultTolerance(), clock.instant());
        try {
            writer.insert(doc, IndicatorDocument.COLLECTION, events.messages(caused));
            index.saved(doc);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("code", "is already used by another indicator: " + indicator.definition().code());
        }
    }

    @Override
    public void update(Indicator indicator, List<IndicatorEvent> caused) {
        IndicatorDocument doc = IndicatorDocument.from(indicator, settings.defaultTolerance(), clock.instant());
        try {
            writer.update(doc, indicator.id().value(), indicator.version(), IndicatorDocument.COLLECTION, events.messages(caused));
            index.saved(doc);
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

    /** Chosen from the in-memory {@link StatusIndex}, as {@link #count} is. */
    @Override
    public PageOfIds page(Filter filter, String sort, boolean ascending, int page, int size) {
        return index.page(filter, sort, ascending, page, size);
    }

    @Override
    public List<Indicator> all(List<IndicatorId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Indicator> byId = new HashMap<>();
        mongo.find(new Query(Criteria.where("_id").in(ids.stream().map(IndicatorId::value).toList())), IndicatorDocument.class,
                IndicatorDocument.COLLECTION).forEach(doc -> byId.put(doc.id(), doc.toDomain()));
        return ids.stream().map(id -> byId.get(id.value())).filter(java.util.Objects::nonNull).toList();
    }

    /** Counted from the in-memory {@link StatusIndex}, kept up to date from every save. */
    @Override
    public Counts count(Filter filter) {
        return index.count(filter);
    }
}
