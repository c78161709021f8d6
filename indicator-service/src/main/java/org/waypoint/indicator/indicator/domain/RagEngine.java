package org.waypoint.indicator.indicator.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Judges one period's value: polarity-aware, tolerance-aware, with "Increase"/"Reduce" targets
 * judged against the previous period's value or, failing that, the baseline. Missing data, a
 * missing or "TBC" target and monitor-only indicators are grey ("N/A"), never red.
 */
public final class RagEngine {

    private RagEngine() {
    }

    /**
     * @param value      this period's value; {@code null} when not (yet) available
     * @param comparator the previous period's value, else the baseline; {@code null} when neither exists
     */
    public static Assessment assess(Polarity polarity, Target target, Tolerance tolerance, BigDecimal value,
                                    BigDecimal comparator) {
        Objects.requireNonNull(polarity, "polarity");
        Objects.requireNonNull(tolerance, "tolerance");
        if (polarity == Polarity.MONITOR_ONLY) {
            return Assessment.grey(Assessment.Reason.MONITOR_ONLY);
        }
        if (value == null) {
            return Assessment.grey(Assessment.Reason.NO_DATA);
        }
        Target t = target == null ? Target.NONE : target;
        return switch (t.kind()) {
            case NONE -> Assessment.grey(Assessment.Reason.NO_TARGET);
            case TBC -> Assessment.grey(Assessment.Reason.TARGET_TBC);
            case NUMBER -> {
                BigDecimal goal = t.value().number();
                BigDecimal better = polarity == Polarity.HIGHER_IS_BETTER ? value.subtract(goal) : goal.subtract(value);
                if (better.signum() >= 0) {
                    yield new Assessment(Status.GREEN, Assessment.Reason.MEETS_TARGET);
                }
                yield shortfall(better.negate(), tolerance.allowedShortfall(goal));
            }
            case INCREASE, REDUCE -> {
                if (comparator == null) {
                    yield Assessment.grey(Assessment.Reason.NO_COMPARATOR);
                }
                BigDecimal moved = t.kind() == Target.Kind.INCREASE ? value.subtract(comparator) : comparator.subtract(value);
                if (moved.signum() > 0) {
                    yield new Assessment(Status.GREEN, Assessment.Reason.MOVED_AS_WANTED);
                }
                yield shortfall(moved.negate(), tolerance.allowedShortfall(comparator));
            }
        };
    }

    private static Assessment shortfall(BigDecimal shortfall, BigDecimal allowed) {
        return shortfall.compareTo(allowed) <= 0
                ? new Assessment(Status.AMBER, Assessment.Reason.WITHIN_TOLERANCE)
                : new Assessment(Status.RED, Assessment.Reason.BEYOND_TOLERANCE);
    }

    /**
     * The short trend of {@code value} against {@code previous}, read through the polarity;
     * {@code null} when either is missing or the indicator is monitor-only (no better direction).
     */
    public static Trend trend(Polarity polarity, BigDecimal value, BigDecimal previous) {
        if (value == null || previous == null || polarity == Polarity.MONITOR_ONLY) {
            return null;
        }
        int cmp = value.compareTo(previous);
        if (cmp == 0) {
            return Trend.NO_CHANGE;
        }
        boolean up = cmp > 0;
        return up == (polarity == Polarity.HIGHER_IS_BETTER) ? Trend.IMPROVING : Trend.WORSENING;
    }
}
