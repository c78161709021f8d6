package org.waypoint.budget.line.web;

import java.time.Instant;
import java.util.List;

import org.waypoint.budget.line.domain.BudgetLine;
import org.waypoint.budget.line.domain.LineDetails;
import org.waypoint.budget.line.domain.Thresholds;
import org.waypoint.budget.line.domain.Variance;

/**
 * A budget line as the API shows it. Money is a string with two decimal places (exact: parse it as
 * a decimal, not a float); variance, percentages and status are derived from the latest monitoring.
 */
public record BudgetLineResponse(
        String id,
        String financialYear,
        String organisation,
        String serviceArea,
        String division,
        String fundingSource,
        String type,
        String project,
        String category,
        String categoryLabel,
        String kind,
        String description,
        String amount,
        HolderResponse holder,
        Projection latest,
        List<MonitoringResponse> monitoring,
        boolean withdrawn,
        String createdBy,
        Instant createdAt,
        long version) {

    public record HolderResponse(String name, String username, String email) {
    }

    /** The latest projection read against the budget. */
    public record Projection(String period, String actualToDate, String projectedOutturn, String variance,
                             String variancePercent, String outturnPercent, String status) {
    }

    public record MonitoringResponse(String period, String actualToDate, String projectedOutturn, String variance,
                                     String commentary, String recordedBy, Instant recordedAt) {
    }

    static BudgetLineResponse of(BudgetLine line, Thresholds thresholds) {
        LineDetails d = line.details();
        Variance v = line.variance(thresholds);
        var latest = line.latest();
        return new BudgetLineResponse(line.id().value(), d.financialYear().toString(), d.organisation(), d.serviceArea(),
                d.division(), d.fundingSource(), d.type().name(), d.project(),
                d.category() == null ? null : d.category().name(), d.category() == null ? null : d.category().label(),
                d.category() == null ? "NET" : d.category().isIncome() ? "INCOME" : "EXPENDITURE",
                d.description(), d.amount().toString(),
                d.holder() == null ? null : new HolderResponse(d.holder().name(), d.holder().username(), d.holder().email()),
                new Projection(latest.map(m -> m.period().toString()).orElse(null),
                        latest.map(m -> m.actualToDate().toString()).orElse(null),
                        v.projectedOutturn() == null ? null : v.projectedOutturn().toString(),
                        v.variance() == null ? null : v.variance().toString(),
                        Variance.text(v.variancePercent()), Variance.text(v.outturnPercent()), v.status().name()),
                line.monitoring().stream().map(m -> new MonitoringResponse(m.period().toString(), m.actualToDate().toString(),
                        m.projectedOutturn().toString(), m.projectedOutturn().minus(d.amount()).toString(), m.commentary(),
                        m.recordedBy(), m.recordedAt())).toList(),
                line.withdrawn(), line.createdBy(), line.createdAt(), line.version());
    }
}
