package org.waypoint.indicator.indicator.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import org.waypoint.indicator.api.IndicatorChanged;
import org.waypoint.indicator.api.IndicatorDefined;
import org.waypoint.indicator.api.IndicatorEvent;
import org.waypoint.indicator.api.IndicatorStatusChanged;
import org.waypoint.indicator.api.MeasurementMissing;
import org.waypoint.indicator.api.MeasurementRecorded;
import org.waypoint.indicator.api.OwnerRef;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * A performance indicator with its measurements per period. Its status is derived (never typed):
 * each period is judged by {@link RagEngine}; the indicator's current status is its latest
 * period's. The status last announced, and the periods announced missing, are remembered so that
 * {@code IndicatorStatusChanged} and {@code MeasurementMissing} go out once per transition.
 */
public final class Indicator {

    private final IndicatorId id;
    private final Definition definition;
    private final SortedMap<Period, Measurement> measurements;
    private final Status announcedStatus;
    private final Set<String> missingAnnouncedFor;
    private final List<DefinitionChange> changes;
    private final String createdBy;
    private final Instant createdAt;
    private final long version;

    private Indicator(IndicatorId id, Definition definition, Collection<Measurement> measurements, Status announcedStatus,
                      Collection<String> missingAnnouncedFor, List<DefinitionChange> changes, String createdBy,
                      Instant createdAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.definition = Objects.requireNonNull(definition);
        this.measurements = new TreeMap<>();
        measurements.forEach(m -> this.measurements.put(m.period(), m));
        this.announcedStatus = announcedStatus == null ? Status.GREY : announcedStatus;
        this.missingAnnouncedFor = new TreeSet<>(missingAnnouncedFor == null ? List.of() : missingAnnouncedFor);
        this.changes = List.copyOf(changes == null ? List.of() : changes);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.version = version;
    }

    /** The indicator as it now stands and the events the change caused. */
    public record Changed(Indicator indicator, List<IndicatorEvent> events) {
    }

    public static Changed define(IndicatorId id, Definition definition, String by, Instant now, Tolerance organisationDefault) {
        Indicator indicator = new Indicator(id, definition, List.of(), Status.GREY, List.of(), List.of(), by, now, 0);
        Indicator announced = indicator.withAnnounced(indicator.current(organisationDefault).assessment().status());
        return new Changed(announced, List.of(new IndicatorDefined(id.value(), definition.code(), definition.name(),
                definition.unit().name(), definition.polarity().name(), definition.frequency().name(),
                definition.theme() == null ? null : definition.theme().name(), definition.serviceArea(),
                announced.ownerRef(), by, now)));
    }

    public static Indicator restore(IndicatorId id, Definition definition, Collection<Measurement> measurements,
                                    Status announcedStatus, Collection<String> missingAnnouncedFor,
                                    List<DefinitionChange> changes, String createdBy, Instant createdAt, long version) {
        return new Indicator(id, definition, measurements, announcedStatus, missingAnnouncedFor, changes, createdBy,
                createdAt, version);
    }

    /** Changes the definition (targets, tolerance, owner...); nothing happens when nothing differs. */
    public Changed change(Definition newDefinition, String by, Instant now, Tolerance organisationDefault) {
        List<String> fields = newDefinition.changedFrom(definition);
        if (fields.isEmpty()) {
            return new Changed(this, List.of());
        }
        for (Measurement m : measurements.values()) {
            if (m.hasValue() && newDefinition.unit() != definition.unit()) {
                throw new InvalidInputException("unit", "cannot change once values are recorded in it");
            }
        }
        List<DefinitionChange> history = new ArrayList<>(changes);
        history.add(new DefinitionChange(by, now, fields, describe(definition, fields), describe(newDefinition, fields)));
        Indicator changed = new Indicator(id, newDefinition, measurements.values(), announcedStatus, missingAnnouncedFor,
                history, createdBy, createdAt, version);
        List<IndicatorEvent> events = new ArrayList<>();
        events.add(new IndicatorChanged(id.value(), newDefinition.code(), newDefinition.name(),
                newDefinition.serviceArea(), changed.ownerRef(), fields, by, now));
        return changed.announceStatus(events, now, organisationDefault);
    }

    /**
     * Records (or revises) a period's measurement: a value, or {@code null} with the date it is
     * expected.
     */
    public Changed record(Period period, MeasuredValue value, LocalDate expectedOn, String commentary, String by,
                          Instant now, Tolerance organisationDefault) {
        Objects.requireNonNull(period, "period");
        Measurement existing = measurements.get(period);
        Measurement measurement = existing == null
                ? new Measurement(period, value, value == null ? expectedOn : null, commentary, by, now, 1, List.of())
                : existing.revisedTo(value, value == null ? expectedOn : null, commentary, by, now);
        List<Measurement> all = new ArrayList<>(measurements.values());
        all.removeIf(m -> m.period().equals(period));
        all.add(measurement);
        Indicator changed = new Indicator(id, definition, all, announcedStatus, missingAnnouncedFor, changes, createdBy,
                createdAt, version);
        PeriodView view = changed.view(period, organisationDefault);
        List<IndicatorEvent> events = new ArrayList<>();
        events.add(new MeasurementRecorded(id.value(), definition.code(), definition.name(), definition.unit().name(),
                definition.serviceArea(), ownerRef(), period.label(), value == null ? null : value.number(),
                value == null ? null : value.asWritten(), measurement.expectedOn(), view.target().asWritten(),
                view.assessment().status().name(), view.trend() == null ? null : view.trend().name(), commentary,
                measurement.revision(), by, now));
        return changed.announceStatus(events, now, organisationDefault);
    }

    /**
     * Judges the indicator again, e.g. after the organisation's default tolerance changed: the
     * status change is announced if there is one; nothing otherwise.
     */
    public Changed reassess(Instant now, Tolerance organisationDefault) {
        return announceStatus(new ArrayList<>(), now, organisationDefault);
    }

    private Changed announceStatus(List<IndicatorEvent> events, Instant now, Tolerance organisationDefault) {
        PeriodView current = current(organisationDefault);
        Status status = current.assessment().status();
        if (status == announcedStatus) {
            return new Changed(this, List.copyOf(events));
        }
        MeasuredValue value = current.value();
        events.add(new IndicatorStatusChanged(id.value(), definition.code(), definition.name(), definition.unit().name(),
                definition.serviceArea(), ownerRef(), current.period() == null ? null : current.period().label(),
                announcedStatus.name(), status.name(), status.label(), current.assessment().reason().name(),
                value == null ? null : value.number(), value == null ? null : value.asWritten(),
                current.target() == null ? null : current.target().asWritten(), current.commentary(),
                current.needsRemedialCommentary(), now));
        return new Changed(withAnnounced(status), List.copyOf(events));
    }

    private Indicator withAnnounced(Status status) {
        return new Indicator(id, definition, measurements.values(), status, missingAnnouncedFor, changes, createdBy,
                createdAt, version);
    }

    /**
     * The latest period of the indicator's frequency that closed at least {@code graceDays} ago, if
     * its value is still absent and was not announced missing before.
     */
    public Optional<Changed> detectMissing(LocalDate today, int graceDays) {
        Period due = Period.containing(definition.frequency().periodKind(), today.minusDays(graceDays)).previous();
        if (definition.newFrom() != null && due.end().isBefore(definition.newFrom().start())
                || missingAnnouncedFor.contains(due.label())) {
            return Optional.empty();
        }
        Measurement m = measurements.get(due);
        if (m != null && m.hasValue()) {
            return Optional.empty();
        }
        Set<String> announced = new TreeSet<>(missingAnnouncedFor);
        announced.add(due.label());
        Indicator changed = new Indicator(id, definition, measurements.values(), announcedStatus, announced, changes,
                createdBy, createdAt, version);
        return Optional.of(new Changed(changed, List.of(new MeasurementMissing(id.value(), definition.code(),
                definition.name(), definition.serviceArea(), ownerRef(), due.label(), due.end(),
                m == null ? null : m.expectedOn(), ChronoUnit.DAYS.between(due.end(), today), today))));
    }

    /** The view of one period: its measurement (if any), target, status and short trend. */
    public PeriodView view(Period period, Tolerance organisationDefault) {
        Measurement m = measurements.get(period);
        BigDecimal value = m == null || !m.hasValue() ? null : m.value().number();
        BigDecimal previous = previousValue(period);
        BigDecimal comparator = previous != null ? previous
                : definition.baseline() == null ? null : definition.baseline().value().number();
        Target target = definition.targetFor(period);
        Assessment assessment = RagEngine.assess(definition.polarity(), target,
                definition.effectiveTolerance(organisationDefault), value, comparator);
        return new PeriodView(period, m, target, assessment, RagEngine.trend(definition.polarity(), value, previous));
    }

    private BigDecimal previousValue(Period period) {
        Measurement previous = measurements.get(period.previous());
        return previous == null || !previous.hasValue() ? null : previous.value().number();
    }

    /** The latest measured period's view; with no measurement at all, grey "no data". */
    public PeriodView current(Tolerance organisationDefault) {
        if (measurements.isEmpty()) {
            return new PeriodView(null, null, null, RagEngine.assess(definition.polarity(), Target.NONE,
                    definition.effectiveTolerance(organisationDefault), null, null), null);
        }
        return view(measurements.lastKey(), organisationDefault);
    }

    /**
     * The view a report "as at" {@code reportingPeriod} shows: the latest measured period that ends
     * by the reporting period's end (the most recent published data, as committee reports do).
     */
    public PeriodView asAt(Period reportingPeriod, Tolerance organisationDefault) {
        if (reportingPeriod == null) {
            return current(organisationDefault);
        }
        Period latest = null;
        for (Period p : measurements.keySet()) {
            if (!p.end().isAfter(reportingPeriod.end())) {
                latest = p;
            }
        }
        return latest == null ? new Indicator(id, definition, List.of(), announcedStatus, missingAnnouncedFor, changes,
                createdBy, createdAt, version).current(organisationDefault) : view(latest, organisationDefault);
    }

    /** Every measured period, oldest first. */
    public List<PeriodView> periods(Tolerance organisationDefault) {
        return measurements.keySet().stream().map(p -> view(p, organisationDefault)).toList();
    }

    public Optional<Measurement> measurement(Period period) {
        return Optional.ofNullable(measurements.get(period));
    }

    public List<Measurement> measurements() {
        return measurements.values().stream().sorted(Comparator.comparing(Measurement::period)).toList();
    }

    public OwnerRef ownerRef() {
        Owner o = definition.owner();
        return o == null ? null : new OwnerRef(o.name(), o.username(), o.email());
    }

    private static String describe(Definition d, List<String> fields) {
        StringBuilder out = new StringBuilder();
        for (String f : fields) {
            Object v = switch (f) {
                case "code" -> d.code();
                case "name" -> d.name();
                case "description" -> d.description();
                case "unit" -> d.unit();
                case "polarity" -> d.polarity();
                case "frequency" -> d.frequency();
                case "baseline" -> d.baseline() == null ? null
                        : d.baseline().value().asWritten() + (d.baseline().period() == null ? "" : " (" + d.baseline().period() + ")");
                case "targets" -> targetsText(d);
                case "tolerance" -> d.tolerance() == null ? "organisation default"
                        : d.tolerance().amount().toPlainString() + (d.tolerance().kind() == Tolerance.Kind.RELATIVE ? "%" : " absolute");
                case "owner" -> d.owner() == null ? null : d.owner().name();
                case "serviceArea" -> d.serviceArea();
                case "theme" -> d.theme();
                case "outcomeLinks" -> d.outcomeLinks();
                case "benchmark" -> d.benchmark() == null ? null : d.benchmark().source()
                        + (d.benchmark().value() == null ? "" : " " + d.benchmark().value().asWritten());
                case "newFrom" -> d.newFrom();
                default -> null;
            };
            if (!out.isEmpty()) {
                out.append("; ");
            }
            out.append(f).append(": ").append(v);
        }
        return out.toString();
    }

    private static String targetsText(Definition d) {
        StringBuilder out = new StringBuilder();
        d.targets().forEach((fy, t) -> out.append(out.isEmpty() ? "" : ", ").append(Period.yearLabel(fy)).append(' ').append(t.asWritten()));
        return out.toString();
    }

    public IndicatorId id() { return id; }
    public Definition definition() { return definition; }
    public Status announcedStatus() { return announcedStatus; }
    public Set<String> missingAnnouncedFor() { return Set.copyOf(missingAnnouncedFor); }
    public List<DefinitionChange> changes() { return changes; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}
