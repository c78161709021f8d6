package org.waypoint.budget.line.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.bson.types.Decimal128;
import org.springframework.data.annotation.Id;
import org.waypoint.budget.line.domain.BudgetLine;
import org.waypoint.budget.line.domain.BudgetLineId;
import org.waypoint.budget.line.domain.BudgetType;
import org.waypoint.budget.line.domain.FinancialYear;
import org.waypoint.budget.line.domain.HistoryEntry;
import org.waypoint.budget.line.domain.Holder;
import org.waypoint.budget.line.domain.LineDetails;
import org.waypoint.budget.line.domain.MonitoringEntry;
import org.waypoint.budget.line.domain.Money;
import org.waypoint.budget.line.domain.Period;
import org.waypoint.budget.line.domain.SubjectiveCategory;

/**
 * A budget line as stored in the {@code budgetLines} collection. Money is stored as BSON
 * Decimal128 (exact decimal), never as a double or a string. The document also carries
 * {@code version} and the {@code outbox} of events not yet published, both written by the outbox
 * writer. Totals are not stored: they are computed from lines.
 */
public record BudgetLineDocument(
        @Id String id,
        String financialYear,
        String organisation,
        String serviceArea,
        String division,
        String fundingSource,
        String type,
        String project,
        String category,
        String description,
        Decimal128 amount,
        HolderDocument holder,
        String holderKey,
        List<MonitoringDocument> monitoring,
        List<HistoryDocument> history,
        boolean overspendAnnounced,
        boolean withdrawn,
        String createdBy,
        Instant createdAt,
        long version) {

    public static final String COLLECTION = "budgetLines";

    public record HolderDocument(String name, String username, String email) {
    }

    public record MonitoringDocument(String period, Decimal128 actualToDate, Decimal128 projectedOutturn, String commentary,
                                     String recordedBy, Instant recordedAt) {
    }

    public record HistoryDocument(Instant at, String by, String what, List<ChangeDocument> changes) {
    }

    public record ChangeDocument(String field, String from, String to) {
    }

    static BudgetLineDocument from(BudgetLine line) {
        LineDetails d = line.details();
        Holder h = d.holder();
        return new BudgetLineDocument(line.id().value(), d.financialYear().toString(), d.organisation(), d.serviceArea(),
                d.division(), d.fundingSource(), d.type().name(), d.project(), d.category() == null ? null : d.category().name(),
                d.description(), decimal(d.amount()), h == null ? null : new HolderDocument(h.name(), h.username(), h.email()),
                h == null ? null : h.username() != null ? h.username() : h.name(),
                line.monitoring().stream().map(m -> new MonitoringDocument(m.period().toString(), decimal(m.actualToDate()),
                        decimal(m.projectedOutturn()), m.commentary(), m.recordedBy(), m.recordedAt())).toList(),
                line.history().stream().map(e -> new HistoryDocument(e.at(), e.by(), e.what(),
                        e.changes().stream().map(c -> new ChangeDocument(c.field(), c.from(), c.to())).toList())).toList(),
                line.overspendAnnounced(), line.withdrawn(), line.createdBy(), line.createdAt(), line.version());
    }

    BudgetLine toDomain() {
        FinancialYear year = FinancialYear.parse(financialYear);
        LineDetails details = new LineDetails(year, organisation, serviceArea, division, fundingSource, BudgetType.valueOf(type),
                project, category == null ? null : SubjectiveCategory.valueOf(category), description, money(amount),
                holder == null ? null : new Holder(holder.name(), holder.username(), holder.email()));
        return BudgetLine.restore(new BudgetLineId(id), details,
                monitoring == null ? List.of() : monitoring.stream().map(m -> new MonitoringEntry(Period.parse(m.period(), year),
                        money(m.actualToDate()), money(m.projectedOutturn()), m.commentary(), m.recordedBy(), m.recordedAt())).toList(),
                history == null ? List.of() : history.stream().map(e -> new HistoryEntry(e.at(), e.by(), e.what(),
                        e.changes() == null ? List.of() : e.changes().stream()
                                .map(c -> new HistoryEntry.Change(c.field(), c.from(), c.to())).toList())).toList(),
                overspendAnnounced, withdrawn, createdBy, createdAt, version);
    }

    static Decimal128 decimal(Money money) {
        return new Decimal128(money.amount());
    }

    static Money money(Decimal128 value) {
        BigDecimal amount = value.bigDecimalValue();
        return new Money(amount);
    }
}
