package org.waypoint.budget.line.persistence;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;
import org.waypoint.budget.api.BudgetEvent;
import org.waypoint.budget.line.application.BudgetQueries;
import org.waypoint.budget.line.domain.BudgetLine;
import org.waypoint.budget.line.domain.BudgetLineId;
import org.waypoint.budget.line.domain.BudgetLines;
import org.waypoint.budget.line.messaging.BudgetEventsOutbox;
import org.waypoint.platform.outbox.MongoOutboxWriter;

/** Budget lines in MongoDB, each saved together with the events it caused (see {@link MongoOutboxWriter}). */
@Repository
public class MongoBudgetLineRepository implements BudgetLines, BudgetQueries {

    private final MongoTemplate mongo;
    private final MongoOutboxWriter writer;
    private final BudgetEventsOutbox events;

    public MongoBudgetLineRepository(MongoTemplate mongo, MongoOutboxWriter writer, BudgetEventsOutbox events) {
        this.mongo = mongo;
        this.writer = writer;
        this.events = events;
    }

    @Override
    public void insert(BudgetLine line, List<BudgetEvent> caused) {
        writer.insert(BudgetLineDocument.from(line), BudgetLineDocument.COLLECTION, events.messages(caused));
    }

    @Override
    public void update(BudgetLine line, List<BudgetEvent> caused) {
        writer.update(BudgetLineDocument.from(line), line.id().value(), line.version(), BudgetLineDocument.COLLECTION,
                events.messages(caused));
    }

    @Override
    public Optional<BudgetLine> find(BudgetLineId id) {
        return Optional.ofNullable(mongo.findById(id.value(), BudgetLineDocument.class, BudgetLineDocument.COLLECTION))
                .map(BudgetLineDocument::toDomain);
    }

    @Override
    public List<BudgetLine> matching(Filter filter, int limit) {
        Criteria criteria = Criteria.where("withdrawn").is(false);
        eq(criteria, "financialYear", filter.financialYear());
        eqIgnoringCase(criteria, "organisation", filter.organisation());
        eqIgnoringCase(criteria, "serviceArea", filter.serviceArea());
        eqIgnoringCase(criteria, "division", filter.division());
        eqIgnoringCase(criteria, "fundingSource", filter.fundingSource());
        eq(criteria, "type", filter.type() == null ? null : filter.type().name());
        eqIgnoringCase(criteria, "project", filter.project());
        eq(criteria, "category", filter.category() == null ? null : filter.category().name());
        if (filter.holder() != null) {
            criteria.orOperator(Criteria.where("holder.username").is(filter.holder()), Criteria.where("holder.name").is(filter.holder()));
        }
        if (filter.text() != null) {
            Pattern text = Pattern.compile(Pattern.quote(filter.text()), Pattern.CASE_INSENSITIVE);
            criteria.andOperator(new Criteria().orOperator(Criteria.where("division").regex(text),
                    Criteria.where("description").regex(text), Criteria.where("project").regex(text),
                    Criteria.where("fundingSource").regex(text)));
        }
        Query query = new Query(criteria).with(Sort.by("_id")).limit(limit);
        query.fields().exclude("outbox");
        return mongo.find(query, BudgetLineDocument.class, BudgetLineDocument.COLLECTION).stream()
                .map(BudgetLineDocument::toDomain).toList();
    }

    @Override
    public long count() {
        return mongo.count(new Query(), BudgetLineDocument.COLLECTION);
    }

    private static void eq(Criteria criteria, String field, String value) {
        if (value != null) {
            criteria.and(field).is(value);
        }
    }

    private static void eqIgnoringCase(Criteria criteria, String field, String value) {
        if (value != null) {
            criteria.and(field).regex(Pattern.compile("^" + Pattern.quote(value.strip()) + "$", Pattern.CASE_INSENSITIVE));
        }
    }
}
