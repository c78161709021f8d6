package org.waypoint.indicator.indicator.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.waypoint.indicator.indicator.domain.Definition;
import org.waypoint.indicator.indicator.domain.Indicator;
import org.waypoint.indicator.indicator.domain.MeasuredValue;
import org.waypoint.indicator.indicator.domain.Measurement;
import org.waypoint.indicator.indicator.domain.Period;
import org.waypoint.indicator.indicator.domain.PeriodView;

/** An indicator with its definition and every measured period's value, target, status and trend. */
public record IndicatorResponse(
        String id,
        String code,
        String name,
        String description,
        String unit,
        String polarity,
        String frequency,
        ValueResponse baseline,
        String baselinePeriod,
        List<TargetResponse> targets,
        ToleranceResponse tolerance,
        OwnerResponse owner,
        String serviceArea,
        String theme,
        List<String> outcomeLinks,
        BenchmarkResponse benchmark,
        String newFrom,
        PeriodResponse current,
        List<PeriodResponse> periods,
        String createdBy,
        Instant createdAt,
        long version) {

    public record ValueResponse(BigDecimal number, String asWritten) {
        static ValueResponse of(MeasuredValue v) {
            return v == null ? null : new ValueResponse(v.number(), v.asWritten());
        }
    }

    public record TargetResponse(String year, String kind, BigDecimal value, String asWritten) {
    }

    /** {@code organisationDefault}: the indicator has no tolerance of its own. */
    public record ToleranceResponse(String kind, BigDecimal amount, boolean organisationDefault) {
    }

    public record OwnerResponse(String name, String username, String email) {
    }

    public record BenchmarkResponse(String source, ValueResponse value) {
    }

    /** One period: value (or when it is expected), target, status with its words and reason, trend, commentary. */
    public record PeriodResponse(String period, LocalDate periodEnd, BigDecimal value, String valueAsWritten,
                                 LocalDate expectedOn, String target, String status, String statusLabel, String reason,
                                 String trend, String commentary, boolean needsRemedialCommentary, String recordedBy,
                                 Instant recordedAt, Integer revision) {

        static PeriodResponse of(PeriodView v) {
            Period p = v.period();
            Measurement m = v.measurement();
            MeasuredValue value = v.value();
            return new PeriodResponse(p == null ? null : p.label(), p == null ? null : p.end(),
                    value == null ? null : value.number(), value == null ? null : value.asWritten(),
                    m == null ? null : m.expectedOn(), v.target() == null ? null : v.target().asWritten(),
                    v.assessment().status().name(), v.assessment().status().label(), v.assessment().reason().name(),
                    v.trend() == null ? null : v.trend().name(), v.commentary(), v.needsRemedialCommentary(),
                    m == null ? null : m.recordedBy(), m == null ? null : m.recordedAt(), m == null ? null : m.revision());
        }
    }

    static IndicatorResponse of(Indicator i, PeriodView current, List<PeriodView> periods,
                                org.waypoint.indicator.indicator.domain.Tolerance organisationDefault) {
        Definition d = i.definition();
        var tol = d.effectiveTolerance(organisationDefault);
        return new IndicatorResponse(i.id().value(), d.code(), d.name(), d.description(), d.unit().name(),
                d.polarity().name(), d.frequency().name(),
                d.baseline() == null ? null : ValueResponse.of(d.baseline().value()),
                d.baseline() == null || d.baseline().period() == null ? null : d.baseline().period().label(),
                d.targets().entrySet().stream().map(e -> new TargetResponse(Period.yearLabel(e.getKey()),
                        e.getValue().kind().name(), e.getValue().value() == null ? null : e.getValue().value().number(),
                        e.getValue().asWritten())).toList(),
                new ToleranceResponse(tol.kind().name(), tol.amount(), d.tolerance() == null),
                d.owner() == null ? null : new OwnerResponse(d.owner().name(), d.owner().username(), d.owner().email()),
                d.serviceArea(), d.theme() == null ? null : d.theme().name(), d.outcomeLinks(),
                d.benchmark() == null ? null : new BenchmarkResponse(d.benchmark().source(), ValueResponse.of(d.benchmark().value())),
                d.newFrom() == null ? null : d.newFrom().label(),
                PeriodResponse.of(current), periods.stream().map(PeriodResponse::of).toList(),
                i.createdBy(), i.createdAt(), i.version());
    }
}
