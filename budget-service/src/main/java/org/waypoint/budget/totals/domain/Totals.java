package org.waypoint.budget.totals.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.waypoint.budget.line.domain.BudgetLine;
import org.waypoint.budget.line.domain.MonitoringEntry;
import org.waypoint.budget.line.domain.Money;
import org.waypoint.budget.line.domain.Thresholds;
import org.waypoint.budget.line.domain.Variance;

/**
 * Totals of budget lines along any dimensions, computed from the lines every time (never stored,
 * never typed), exact to the penny, with whole-number shares that add up to 100 and a status per
 * group by the same thresholds as lines: a division's status is its lines' projected outturn
 * against its budget, lines without a projection counted as on budget.
 */
public record Totals(List<Dimension> by, List<GroupTotal> groups, GroupTotal total, boolean sharesComputed) {

    public static Totals of(List<BudgetLine> lines, List<Dimension> by, Thresholds thresholds) {
        Map<List<String>, List<BudgetLine>> grouped = new LinkedHashMap<>();
        for (BudgetLine line : lines) {
            List<String> key = new ArrayList<>();
            by.forEach(d -> key.add(d.valueOf(line.details())));
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        }
        Comparator<List<String>> byKey = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = Comparator.nullsLast(Comparator.<String>naturalOrder()).compare(a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        List<GroupTotal> groups = new ArrayList<>();
        grouped.entrySet().stream().sorted(Map.Entry.comparingByKey(byKey)).forEach(e -> {
            Map<String, String> key = new LinkedHashMap<>();
            for (int i = 0; i < by.size(); i++) {
                key.put(by.get(i).apiName(), e.getKey().get(i));
            }
            groups.add(total(key, e.getValue(), thresholds));
        });
        Optional<List<Integer>> shares = Shares.of(groups.stream().map(GroupTotal::budget).toList());
        List<GroupTotal> withShares = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            withShares.add(groups.get(i).withShare(shares.isPresent() ? shares.get().get(i) : null));
        }
        GroupTotal grand = total(Map.of(), lines, thresholds).withShare(shares.isPresent() ? 100 : null);
        return new Totals(List.copyOf(by), withShares, grand, shares.isPresent());
    }

    static GroupTotal total(Map<String, String> key, List<BudgetLine> lines, Thresholds thresholds) {
        Money budget = Money.ZERO;
        Money actual = Money.ZERO;
        Money outturn = Money.ZERO;
        int withoutProjection = 0;
        for (BudgetLine line : lines) {
            Money amount = line.details().amount();
            budget = budget.plus(amount);
            Optional<MonitoringEntry> latest = line.latest();
            if (latest.isPresent()) {
                actual = actual.plus(latest.get().actualToDate());
                outturn = outturn.plus(latest.get().projectedOutturn());
            } else {
                outturn = outturn.plus(amount);
                withoutProjection++;
            }
        }
        Variance variance = withoutProjection == lines.size()
                ? Variance.of(budget, null, thresholds)
                : Variance.of(budget, outturn, thresholds);
        return new GroupTotal(java.util.Collections.unmodifiableMap(new LinkedHashMap<>(key)), lines.size(), budget, actual, variance, withoutProjection, null);
    }
}
