package org.waypoint.budget.line.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.waypoint.budget.api.BudgetChanged;
import org.waypoint.budget.api.BudgetEvent;
import org.waypoint.budget.api.BudgetSet;
import org.waypoint.budget.api.HolderRef;
import org.waypoint.budget.api.LineRef;
import org.waypoint.budget.api.OutturnProjected;
import org.waypoint.budget.api.OverspendCleared;
import org.waypoint.budget.api.OverspendProjected;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * A budget line of a financial year, with its monitoring (one entry per period) and its history.
 * Totals are never stored here: they are computed from lines. A projected overspend beyond the red
 * threshold is announced once ({@link OverspendProjected}); the line remembers that it did, and
 * announces {@link OverspendCleared} once when it is no longer red.
 */
public final class BudgetLine {

    private final BudgetLineId id;
    private final LineDetails details;
    private final List<MonitoringEntry> monitoring;
    private final List<HistoryEntry> history;
    private final boolean overspendAnnounced;
    private final boolean withdrawn;
    private final String createdBy;
    private final Instant createdAt;
    private final long version;

    private BudgetLine(BudgetLineId id, LineDetails details, List<MonitoringEntry> monitoring, List<HistoryEntry> history,
                       boolean overspendAnnounced, boolean withdrawn, String createdBy, Instant createdAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.details = Objects.requireNonNull(details);
        this.monitoring = monitoring.stream().sorted(Comparator.comparing(MonitoringEntry::period)).toList();
        this.history = List.copyOf(history);
        this.overspendAnnounced = overspendAnnounced;
        this.withdrawn = withdrawn;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.version = version;
    }

    /** A line as it now stands and the events the change caused (possibly none). */
    public record Changed(BudgetLine line, List<BudgetEvent> events) {
        public Changed {
            events = List.copyOf(events);
        }
    }

    public static Changed set(BudgetLineId id, LineDetails details, String by, Instant now) {
        return set(id, details, by, now, "budget set");
    }

    /** @param what how the history tells it, e.g. "budget set by import (row 5, column 'EAC Delegated £m')" */
    public static Changed set(BudgetLineId id, LineDetails details, String by, Instant now, String what) {
        List<HistoryEntry.Change> changes = new ArrayList<>();
        details.asText().forEach((field, value) -> {
            if (value != null) {
                changes.add(new HistoryEntry.Change(field, null, value));
            }
        });
        BudgetLine line = new BudgetLine(id, details, List.of(), List.of(new HistoryEntry(now, by, what, changes)),
                false, false, by, now, 0);
        return new Changed(line, List.of(new BudgetSet(line.ref(), details.amount().toString(), by, now)));
    }

    public static BudgetLine restore(BudgetLineId id, LineDetails details, List<MonitoringEntry> monitoring,
                                     List<HistoryEntry> history, boolean overspendAnnounced, boolean withdrawn,
                                     String createdBy, Instant createdAt, long version) {
        return new BudgetLine(id, details, monitoring, history, overspendAnnounced, withdrawn, createdBy, createdAt, version);
    }

    /** Changes what the line says. Nothing changed: no event, no history. */
    public Changed change(LineDetails newDetails, String by, Instant now, Thresholds thresholds) {
        requireActive();
        if (!monitoring.isEmpty() && !newDetails.financialYear().equals(details.financialYear())) {
            throw new InvalidInputException("financialYear", "cannot change once monitoring was recorded for " + details.financialYear());
        }
        List<HistoryEntry.Change> changes = newDetails.changesSince(details);
        if (changes.isEmpty()) {
            return new Changed(this, List.of());
        }
        BudgetLine changed = with(newDetails, monitoring, append(new HistoryEntry(now, by, "budget changed", changes)),
                overspendAnnounced, false);
        List<BudgetEvent> events = new ArrayList<>();
        events.add(new BudgetChanged(changed.ref(), details.amount().toString(), newDetails.amount().toString(),
                changes.stream().map(c -> new BudgetChanged.FieldChange(c.field(), c.from(), c.to())).toList(),
                false, by, now));
        return changed.announceTransition(events, by, now, thresholds);
    }

    /** Records (or revises) the monitoring of one period. */
    public Changed record(MonitoringEntry entry, Thresholds thresholds) {
        requireActive();
        if (!entry.period().year().equals(details.financialYear())) {
            throw new InvalidInputException("period", "is in " + entry.period().year() + " but the line is for " + details.financialYear());
        }
        Optional<MonitoringEntry> previous = monitoring.stream().filter(m -> m.period().equals(entry.period())).findFirst();
        List<MonitoringEntry> entries = new ArrayList<>(monitoring);
        previous.ifPresent(entries::remove);
        entries.add(entry);
        String period = entry.period().toString();
        List<HistoryEntry.Change> changes = List.of(
                new HistoryEntry.Change("monitoring[" + period + "].actualToDate",
                        previous.map(p -> p.actualToDate().toString()).orElse(null), entry.actualToDate().toString()),
                new HistoryEntry.Change("monitoring[" + period + "].projectedOutturn",
                        previous.map(p -> p.projectedOutturn().toString()).orElse(null), entry.projectedOutturn().toString()));
        BudgetLine recorded = with(details, entries, append(new HistoryEntry(entry.recordedAt(), entry.recordedBy(),
                previous.isPresent() ? "monitoring revised" : "monitoring recorded", changes)), overspendAnnounced, false);
        Variance v = Variance.of(details.amount(), entry.projectedOutturn(), thresholds);
        List<BudgetEvent> events = new ArrayList<>();
        events.add(new OutturnProjected(recorded.ref(), period, details.amount().toString(), entry.actualToDate().toString(),
                entry.projectedOutturn().toString(), v.variance().toString(), Variance.text(v.variancePercent()),
                Variance.text(v.outturnPercent()), v.status().name(), entry.commentary(), entry.recordedBy(), entry.recordedAt()));
        return recorded.announceTransition(events, entry.recordedBy(), entry.recordedAt(), thresholds);
    }

    /** Takes the line out of budgets and totals (kept, with its history). */
    public Changed withdraw(String by, Instant now) {
        requireActive();
        List<HistoryEntry.Change> changes = List.of(new HistoryEntry.Change("withdrawn", "false", "true"));
        BudgetLine gone = with(details, monitoring, append(new HistoryEntry(now, by, "budget withdrawn", changes)), false, true);
        List<BudgetEvent> events = new ArrayList<>();
        events.add(new BudgetChanged(gone.ref(), details.amount().toString(), details.amount().toString(),
                List.of(new BudgetChanged.FieldChange("withdrawn", "false", "true")), true, by, now));
        if (overspendAnnounced) {
            Variance v = variance(Thresholds.DEFAULT);
            events.add(new OverspendCleared(gone.ref(), latestPeriodText(), details.amount().toString(),
                    text(v.projectedOutturn()), text(v.variance()), Variance.text(v.variancePercent()), "WITHDRAWN", by, now));
        }
        return new Changed(gone, events);
    }

    /** Announces a move into or out of red once; remembers it. */
    private Changed announceTransition(List<BudgetEvent> events, String by, Instant now, Thresholds thresholds) {
        Variance v = variance(thresholds);
        boolean red = v.status() == BudgetStatus.RED;
        if (red && !overspendAnnounced) {
            events.add(new OverspendProjected(ref(), latestPeriodText(), details.amount().toString(),
                    text(v.projectedOutturn()), text(v.variance()), Variance.text(v.variancePercent()),
                    thresholds.redAbovePercent().toPlainString(), by, now));
            return new Changed(with(details, monitoring, history, true, withdrawn), events);
        }
        if (!red && overspendAnnounced) {
            events.add(new OverspendCleared(ref(), latestPeriodText(), details.amount().toString(),
                    text(v.projectedOutturn()), text(v.variance()), Variance.text(v.variancePercent()), v.status().name(), by, now));
            return new Changed(with(details, monitoring, history, false, withdrawn), events);
        }
        return new Changed(this, events);
    }

    /** The latest monitoring: the period ending last; of a month and a quarter ending together, the later recorded. */
    public Optional<MonitoringEntry> latest() {
        return monitoring.stream().max(Comparator.comparing(MonitoringEntry::period, Comparator.comparing(Period::end))
                .thenComparing(MonitoringEntry::recordedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** The line's budget against its latest projection. */
    public Variance variance(Thresholds thresholds) {
        return Variance.of(details.amount(), latest().map(MonitoringEntry::projectedOutturn).orElse(null), thresholds);
    }

    public BudgetStatus status(Thresholds thresholds) {
        return variance(thresholds).status();
    }

    /** The same line, saved once more: at {@code newVersion}. */
    public BudgetLine savedAs(long newVersion) {
        return new BudgetLine(id, details, monitoring, history, overspendAnnounced, withdrawn, createdBy, createdAt, newVersion);
    }

    public LineRef ref() {
        Holder h = details.holder();
        return new LineRef(id.value(), details.financialYear().toString(), details.organisation(), details.serviceArea(),
                details.division(), details.fundingSource(), details.type().name(), details.project(),
                details.category() == null ? null : details.category().name(), details.description(),
                h == null ? null : new HolderRef(h.name(), h.username(), h.email()));
    }

    /** Usernames that may record monitoring on this line as its holder. */
    public List<String> holders() {
        Holder h = details.holder();
        return h == null || h.username() == null ? List.of() : List.of(h.username());
    }

    private BudgetLine with(LineDetails d, List<MonitoringEntry> m, List<HistoryEntry> h, boolean announced, boolean gone) {
        return new BudgetLine(id, d, m, h, announced, gone, createdBy, createdAt, version);
    }

    private List<HistoryEntry> append(HistoryEntry entry) {
        List<HistoryEntry> all = new ArrayList<>(history);
        all.add(entry);
        return all;
    }

    private String latestPeriodText() {
        return latest().map(m -> m.period().toString()).orElse(null);
    }

    private static String text(Money money) {
        return money == null ? null : money.toString();
    }

    private void requireActive() {
        if (withdrawn) {
            throw new InvalidInputException("id", "the budget line was withdrawn and can no longer change");
        }
    }

    public BudgetLineId id() { return id; }
    public LineDetails details() { return details; }
    public List<MonitoringEntry> monitoring() { return monitoring; }
    public List<HistoryEntry> history() { return history; }
    public boolean overspendAnnounced() { return overspendAnnounced; }
    public boolean withdrawn() { return withdrawn; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}
