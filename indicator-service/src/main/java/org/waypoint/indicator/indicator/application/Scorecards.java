package org.waypoint.indicator.indicator.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.waypoint.indicator.indicator.domain.Indicator;
import org.waypoint.indicator.indicator.domain.IndicatorId;
import org.waypoint.indicator.indicator.domain.Indicators;
import org.waypoint.indicator.indicator.domain.Measurement;
import org.waypoint.indicator.indicator.domain.PeriodView;
import org.waypoint.indicator.indicator.domain.Status;
import org.waypoint.indicator.indicator.domain.StatusSummary;
import org.waypoint.platform.errors.NotFoundException;

/** Scorecards, committee summaries, exception reports and history: reading, never changing. */
@Service
public class Scorecards {

    /** Scorecards are filtered in memory (status is derived) up to this many indicators. */
    public static final int MAX_LISTED = 20_000;

    private final IndicatorQueries queries;
    private final Indicators indicators;
    private final OrganisationSettings settings;

    public Scorecards(IndicatorQueries queries, Indicators indicators, OrganisationSettings settings) {
        this.queries = queries;
        this.indicators = indicators;
        this.settings = settings;
    }

    /** One indicator as a scorecard row shows it, as at the reporting period. */
    public record Row(Indicator indicator, PeriodView view) {
    }

    public record Page(List<Row> items, long total, int page, int size) {
    }

    /**
     * A scorecard page. Which indicators are on it, in what order, and how many match come from the
     * statuses derived at each save (the in-memory index the committee summary counts from, ADR 11);
     * only the page's indicators are read, and each row is shown from its stored document.
     */
    public Page list(IndicatorQueries.Filter filter, int page, int size, String sort, boolean ascending) {
        IndicatorQueries.PageOfIds chosen = queries.page(filter, sort, ascending, page, size);
        List<Row> rows = queries.all(chosen.ids()).stream()
                .map(indicator -> new Row(indicator, indicator.asAt(filter.period(), settings.defaultTolerance())))
                .toList();
        return new Page(rows, chosen.total(), page, size);
    }

    public List<Row> rows(IndicatorQueries.Filter filter) {
        List<Row> rows = new ArrayList<>();
        for (Indicator indicator : queries.matching(filter, MAX_LISTED)) {
            PeriodView view = indicator.asAt(filter.period(), settings.defaultTolerance());
            if (filter.status() == null || view.assessment().status() == filter.status()) {
                rows.add(new Row(indicator, view));
            }
        }
        return rows;
    }

    /** A committee summary: counts and whole-number percentages adding to 100, and reds lacking commentary. */
    public record Summary(StatusSummary statuses, long redWithoutCommentary) {
    }

    public Summary summary(IndicatorQueries.Filter filter) {
        IndicatorQueries.Counts counts = queries.count(filter.withoutStatus());
        return new Summary(StatusSummary.of(counts.byStatus()), counts.redWithoutCommentary());
    }

    /** The exception report: red indicators with their commentary (remedial action), reds lacking it first. */
    public List<Row> exceptions(IndicatorQueries.Filter filter) {
        IndicatorQueries.Filter red = new IndicatorQueries.Filter(filter.serviceArea(), filter.theme(), filter.owner(),
                Status.RED, filter.period(), filter.text());
        return rows(red).stream()
                .sorted(Comparator.comparing((Row r) -> !r.view().needsRemedialCommentary())
                        .thenComparing(r -> r.indicator().definition().code()))
                .toList();
    }

    public Indicator get(IndicatorId id) {
        return indicators.find(id).orElseThrow(() -> new NotFoundException("There is no indicator " + id + "."));
    }

    public PeriodView view(Indicator indicator, org.waypoint.indicator.indicator.domain.Period period) {
        return indicator.view(period, settings.defaultTolerance());
    }

    public List<PeriodView> periods(Indicator indicator) {
        return indicator.periods(settings.defaultTolerance());
    }

    public org.waypoint.indicator.indicator.domain.Tolerance organisationDefault() {
        return settings.defaultTolerance();
    }

    public PeriodView current(Indicator indicator) {
        return indicator.current(settings.defaultTolerance());
    }

    /** One entry of an indicator's history: who did what when. */
    public record HistoryEntry(Instant at, String by, String what, String period, List<String> fields, String before,
                               String after) {
    }

    public List<HistoryEntry> history(IndicatorId id) {
        Indicator indicator = get(id);
        List<HistoryEntry> entries = new ArrayList<>();
        entries.add(new HistoryEntry(indicator.createdAt(), indicator.createdBy(), "DEFINED", null, List.of(), null, null));
        indicator.changes().forEach(c -> entries.add(new HistoryEntry(c.changedAt(), c.changedBy(), "DEFINITION_CHANGED",
                null, c.fields(), c.before(), c.after())));
        for (Measurement m : indicator.measurements()) {
            String before = null;
            for (Measurement.Revision r : m.earlier()) {
                String now = describe(r.value(), r.expectedOn(), r.commentary());
                entries.add(new HistoryEntry(r.recordedAt(), r.recordedBy(), r.revision() == 1 ? "MEASUREMENT_RECORDED"
                        : "MEASUREMENT_REVISED", m.period().label(), List.of("value", "commentary"), before, now));
                before = now;
            }
            entries.add(new HistoryEntry(m.recordedAt(), m.recordedBy(), m.revision() == 1 ? "MEASUREMENT_RECORDED"
                    : "MEASUREMENT_REVISED", m.period().label(), List.of("value", "commentary"), before,
                    describe(m.value(), m.expectedOn(), m.commentary())));
        }
        entries.sort(Comparator.comparing(HistoryEntry::at, Comparator.nullsFirst(Comparator.naturalOrder())));
        return entries;
    }

    private static String describe(org.waypoint.indicator.indicator.domain.MeasuredValue value, java.time.LocalDate expectedOn,
                                   String commentary) {
        String v = value != null ? "value " + value.asWritten() : "not yet available, expected " + expectedOn;
        return commentary == null ? v : v + "; commentary: " + commentary;
    }

    /** "4.6" before "4.10", "SL-2" before "SL-10". */
    public static int naturalOrder(String a, String b) {
        String[] pa = a.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        String[] pb = b.split("(?<=\\D)(?=\\d)|(?<=\\d)(?=\\D)");
        for (int i = 0; i < Math.min(pa.length, pb.length); i++) {
            int c;
            if (pa[i].chars().allMatch(Character::isDigit) && pb[i].chars().allMatch(Character::isDigit)) {
                c = new java.math.BigInteger(pa[i]).compareTo(new java.math.BigInteger(pb[i]));
            } else {
                c = pa[i].compareToIgnoreCase(pb[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(pa.length, pb.length);
    }
}
