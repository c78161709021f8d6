package org.waypoint.budget.line.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A projection read against its budget: variance (outturn - budget, positive adverse), variance as
 * a percentage of the budget and outturn as a percentage of the budget (both to two places,
 * half-up, for display only; statuses compare exactly), and the status by the thresholds.
 */
public record Variance(Money budget, Money projectedOutturn, Money variance, BigDecimal variancePercent,
                       BigDecimal outturnPercent, BudgetStatus status) {

    public static Variance of(Money budget, Money projectedOutturn, Thresholds thresholds) {
        if (projectedOutturn == null) {
            return new Variance(budget, null, null, null, null, BudgetStatus.NO_PROJECTION);
        }
        Money variance = projectedOutturn.minus(budget);
        BigDecimal base = budget.amount().abs();
        BigDecimal variancePercent = base.signum() == 0 ? null
                : variance.amount().movePointRight(2).divide(base, 2, RoundingMode.HALF_UP);
        BigDecimal outturnPercent = budget.isZero() ? null
                : projectedOutturn.amount().movePointRight(2).divide(budget.amount(), 2, RoundingMode.HALF_UP);
        return new Variance(budget, projectedOutturn, variance, variancePercent, outturnPercent,
                thresholds.statusOf(budget, projectedOutturn));
    }

    public static String text(BigDecimal percent) {
        return percent == null ? null : percent.toPlainString();
    }
}
