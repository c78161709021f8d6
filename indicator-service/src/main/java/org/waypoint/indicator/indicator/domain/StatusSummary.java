package org.waypoint.indicator.indicator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts per status and their shares as whole-number percentages that add up to 100 (largest
 * remainder method: each share is rounded down, and the points left are given to the statuses
 * with the largest remainders, ties in status order). A committee sees 36, 52, 8, 4 for 9, 13, 2, 1 of 25.
 */
public record StatusSummary(long total, Map<Status, Long> counts, Map<Status, Integer> percentages) {

    public StatusSummary {
        counts = Map.copyOf(counts);
        percentages = Map.copyOf(percentages);
    }

    public static StatusSummary of(Map<Status, Long> rawCounts) {
        EnumMap<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, rawCounts.getOrDefault(s, 0L));
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new StatusSummary(total, counts, largestRemainder(counts, total));
    }

    public static StatusSummary ofCounts(long green, long amber, long red, long grey) {
        return of(Map.of(Status.GREEN, green, Status.AMBER, amber, Status.RED, red, Status.GREY, grey));
    }

    static Map<Status, Integer> largestRemainder(Map<Status, Long> counts, long total) {
        EnumMap<Status, Integer> percent = new EnumMap<>(Status.class);
        if (total == 0) {
            for (Status s : Status.values()) {
                percent.put(s, 0);
            }
            return percent;
        }
        record Share(Status status, long floor, long remainder) {
        }
        List<Share> shares = new ArrayList<>();
        long given = 0;
        for (Status s : Status.values()) {
            long scaled = counts.get(s) * 100;
            long floor = scaled / total;
            shares.add(new Share(s, floor, scaled % total));
            given += floor;
        }
        shares.sort(Comparator.comparingLong(Share::remainder).reversed().thenComparing(Share::status));
        long left = 100 - given;
        for (Share share : shares) {
            int extra = left > 0 && share.remainder() > 0 ? 1 : 0;
            left -= extra;
            percent.put(share.status(), (int) share.floor() + extra);
        }
        return percent;
    }

    /** The exact share of a status, for checking the rounding. */
    public BigDecimal exactPercent(Status status) {
        return total == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(counts.get(status) * 100).divide(BigDecimal.valueOf(total), 6, RoundingMode.HALF_UP);
    }
}
