package org.waypoint.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latencies (in nanoseconds) of one measured series, with its throughput. */
record Stats(int count, int errors, double seconds, long[] sortedNanos) {

    static Stats of(long[] nanos, int count, int errors, double seconds) {
        long[] copy = Arrays.copyOf(nanos, count);
        Arrays.sort(copy);
        return new Stats(count, errors, seconds, copy);
    }

    static Stats ofMillis(List<Long> millis, double seconds) {
        long[] nanos = millis.stream().mapToLong(m -> m * 1_000_000L).toArray();
        return of(nanos, nanos.length, 0, seconds);
    }

    /** Two series of the same thing taken one after the other: latencies pooled, times added. */
    Stats plus(Stats other) {
        long[] all = new long[count + other.count];
        System.arraycopy(sortedNanos, 0, all, 0, count);
        System.arraycopy(other.sortedNanos, 0, all, count, other.count);
        return of(all, all.length, errors + other.errors, seconds + other.seconds);
    }

    double pct(double p) {
        if (count == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * count) - 1;
        return sortedNanos[Math.max(0, Math.min(count - 1, i))] / 1e6;
    }

    double p50() {
        return pct(50);
    }

    double p95() {
        return pct(95);
    }

    double p99() {
        return pct(99);
    }

    double max() {
        return count == 0 ? Double.NaN : sortedNanos[count - 1] / 1e6;
    }

    double perSecond() {
        return seconds <= 0 ? Double.NaN : count / seconds;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", count);
        m.put("errors", errors);
        m.put("seconds", Report.round(seconds, 2));
        m.put("perSecond", Report.round(perSecond(), 1));
        m.put("p50Ms", Report.round(p50(), 2));
        m.put("p95Ms", Report.round(p95(), 2));
        m.put("p99Ms", Report.round(p99(), 2));
        m.put("maxMs", Report.round(max(), 2));
        return m;
    }
}
