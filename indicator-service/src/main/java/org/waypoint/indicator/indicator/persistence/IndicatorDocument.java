package org.waypoint.indicator.indicator.persistence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

import org.bson.types.Decimal128;
import org.springframework.data.annotation.Id;
import org.waypoint.indicator.indicator.domain.Baseline;
import org.waypoint.indicator.indicator.domain.Benchmark;
import org.waypoint.indicator.indicator.domain.Definition;
import org.waypoint.indicator.indicator.domain.DefinitionChange;
import org.waypoint.indicator.indicator.domain.Frequency;
import org.waypoint.indicator.indicator.domain.Indicator;
import org.waypoint.indicator.indicator.domain.IndicatorId;
import org.waypoint.indicator.indicator.domain.MeasuredValue;
import org.waypoint.indicator.indicator.domain.Measurement;
import org.waypoint.indicator.indicator.domain.Owner;
import org.waypoint.indicator.indicator.domain.Period;
import org.waypoint.indicator.indicator.domain.PeriodView;
import org.waypoint.indicator.indicator.domain.Polarity;
import org.waypoint.indicator.indicator.domain.Status;
import org.waypoint.indicator.indicator.domain.Target;
import org.waypoint.indicator.indicator.domain.Theme;
import org.waypoint.indicator.indicator.domain.Tolerance;
import org.waypoint.indicator.indicator.domain.Unit;

/**
 * An indicator as stored in the {@code indicators} collection, with its measurements, history and
 * the events not yet published ({@code outbox}, written by the outbox writer). Numbers are
 * Decimal128, never doubles. {@code statuses}, {@code currentPeriod} and {@code currentStatus}
 * are derived on every save, for scorecard queries and summaries.
 */
public record IndicatorDocument(
        @Id String id,
        String code,
        String name,
        String description,
        String unit,
        String polarity,
        String frequency,
        ValueDocument baseline,
        String baselinePeriod,
        List<TargetDocument> targets,
        ToleranceDocument tolerance,
        OwnerDocument owner,
        String serviceArea,
        String theme,
        List<String> outcomeLinks,
        String benchmarkSource,
        ValueDocument benchmarkValue,
        String newFrom,
        List<MeasurementDocument> measurements,
        String announcedStatus,
        List<String> missingAnnouncedFor,
        List<ChangeDocument> changes,
        String createdBy,
        Instant createdAt,
        String currentPeriod,
        String currentStatus,
        List<StatusDocument> statuses,
        Instant savedAt,
        long version) {

    public static final String COLLECTION = "indicators";

    public record ValueDocument(Decimal128 number, String asWritten) {
        static ValueDocument of(MeasuredValue v) {
            return v == null ? null : new ValueDocument(new Decimal128(v.number()), v.asWritten());
        }

        MeasuredValue toDomain() {
            return new MeasuredValue(number.bigDecimalValue(), asWritten);
        }
    }

    public record TargetDocument(int financialYear, String year, String kind, ValueDocument value) {
    }

    public record ToleranceDocument(String kind, Decimal128 amount) {
    }

    public record OwnerDocument(String name, String username, String email) {
    }

    public record RevisionDocument(int revision, ValueDocument value, LocalDate expectedOn, String commentary,
                                   String recordedBy, Instant recordedAt) {
    }

    public record MeasurementDocument(String period, ValueDocument value, LocalDate expectedOn, String commentary,
                                      String recordedBy, Instant recordedAt, int revision, List<RevisionDocument> earlier) {
    }

    public record ChangeDocument(String changedBy, Instant changedAt, List<String> fields, String before, String after) {
    }

    /** A measured period's derived status, for queries: {@code end} orders periods "as at" a date. */
    public record StatusDocument(String period, LocalDate end, String status, String trend, boolean needsRemedialCommentary) {
    }

    static IndicatorDocument from(Indicator indicator, Tolerance organisationDefault, Instant savedAt) {
        Definition d = indicator.definition();
        List<PeriodView> views = indicator.periods(organisationDefault);
        PeriodView current = indicator.current(organisationDefault);
        return new IndicatorDocument(indicator.id().value(), d.code(), d.name(), d.description(), d.unit().name(),
                d.polarity().name(), d.frequency().name(),
                d.baseline() == null ? null : ValueDocument.of(d.baseline().value()),
                d.baseline() == null || d.baseline().period() == null ? null : d.baseline().period().label(),
                d.targets().entrySet().stream().map(e -> new TargetDocument(e.getKey(), Period.yearLabel(e.getKey()),
                        e.getValue().kind().name(), ValueDocument.of(e.getValue().value()))).toList(),
                d.tolerance() == null ? null : new ToleranceDocument(d.tolerance().kind().name(), new Decimal128(d.tolerance().amount())),
                d.owner() == null ? null : new OwnerDocument(d.owner().name(), d.owner().username(), d.owner().email()),
                d.serviceArea(), d.theme() == null ? null : d.theme().name(), d.outcomeLinks(),
                d.benchmark() == null ? null : d.benchmark().source(),
                d.benchmark() == null ? null : ValueDocument.of(d.benchmark().value()),
                d.newFrom() == null ? null : d.newFrom().label(),
                indicator.measurements().stream().map(m -> new MeasurementDocument(m.period().label(),
                        ValueDocument.of(m.value()), m.expectedOn(), m.commentary(), m.recordedBy(), m.recordedAt(),
                        m.revision(), m.earlier().stream().map(r -> new RevisionDocument(r.revision(),
                                ValueDocument.of(r.value()), r.expectedOn(), r.commentary(), r.recordedBy(),
                                r.recordedAt())).toList())).toList(),
                indicator.announcedStatus().name(), List.copyOf(indicator.missingAnnouncedFor()),
                indicator.changes().stream().map(c -> new ChangeDocument(c.changedBy(), c.changedAt(), c.fields(),
                        c.before(), c.after())).toList(),
                indicator.createdBy(), indicator.createdAt(),
                current.period() == null ? null : current.period().label(), current.assessment().status().name(),
                views.stream().map(v -> new StatusDocument(v.period().label(), v.period().end(),
                        v.assessment().status().name(), v.trend() == null ? null : v.trend().name(),
                        v.needsRemedialCommentary())).toList(),
                savedAt, indicator.version());
    }

    Indicator toDomain() {
        TreeMap<Integer, Target> targetMap = new TreeMap<>();
        if (targets != null) {
            targets.forEach(t -> targetMap.put(t.financialYear(), new Target(Target.Kind.valueOf(t.kind()),
                    t.value() == null ? null : t.value().toDomain())));
        }
        Definition definition = new Definition(code, name, description, Unit.valueOf(unit), Polarity.valueOf(polarity),
                Frequency.valueOf(frequency),
                baseline == null ? null : new Baseline(baseline.toDomain(), baselinePeriod == null ? null : Period.parse(baselinePeriod)),
                targetMap,
                tolerance == null ? null : new Tolerance(Tolerance.Kind.valueOf(tolerance.kind()), tolerance.amount().bigDecimalValue()),
                owner == null ? null : new Owner(owner.name(), owner.username(), owner.email()),
                serviceArea, theme == null ? null : Theme.valueOf(theme), outcomeLinks,
                benchmarkSource == null ? null : new Benchmark(benchmarkSource, benchmarkValue == null ? null : benchmarkValue.toDomain()),
                newFrom == null ? null : Period.parse(newFrom));
        List<Measurement> ms = measurements == null ? List.of() : measurements.stream().map(m -> new Measurement(
                Period.parse(m.period()), m.value() == null ? null : m.value().toDomain(), m.expectedOn(), m.commentary(),
                m.recordedBy(), m.recordedAt(), m.revision(),
                m.earlier() == null ? List.of() : m.earlier().stream().map(r -> new Measurement.Revision(r.revision(),
                        r.value() == null ? null : r.value().toDomain(), r.expectedOn(), r.commentary(), r.recordedBy(),
                        r.recordedAt())).toList())).toList();
        return Indicator.restore(new IndicatorId(id), definition, ms,
                announcedStatus == null ? Status.GREY : Status.valueOf(announcedStatus), missingAnnouncedFor,
                changes == null ? List.of() : changes.stream().map(c -> new DefinitionChange(c.changedBy(), c.changedAt(),
                        c.fields(), c.before(), c.after())).toList(),
                createdBy, createdAt, version);
    }

    static BigDecimal decimal(Decimal128 value) {
        return value == null ? null : value.bigDecimalValue();
    }
}
