package org.waypoint.budget.line.domain;

import java.math.BigDecimal;
import java.util.Objects;

import org.waypoint.platform.validation.InvalidInputException;

/**
 * When a projected overspend turns a budget amber and red, as percentages of the budget: an
 * overspend of more than {@code amberAbovePercent} is amber, of more than {@code redAbovePercent}
 * red. The usual choice: any overspend amber, beyond 1% red. Compared exactly, never rounded.
 */
public record Thresholds(BigDecimal amberAbovePercent, BigDecimal redAbovePercent) {

    public static final Thresholds DEFAULT = new Thresholds(BigDecimal.ZERO, BigDecimal.ONE);

    public Thresholds {
        Objects.requireNonNull(amberAbovePercent, "amberAbovePercent");
        Objects.requireNonNull(redAbovePercent, "redAbovePercent");
        if (amberAbovePercent.signum() < 0 || redAbovePercent.compareTo(amberAbovePercent) < 0) {
            throw new InvalidInputException("thresholds", "need 0 <= amber <= red");
        }
    }

    /**
     * The status of a projection against a budget. Variance = outturn - budget, positive adverse
     * (for income lines, whose budgets are negative, less income than budgeted is adverse too).
     */
    public BudgetStatus statusOf(Money budget, Money projectedOutturn) {
        if (projectedOutturn == null) {
            return BudgetStatus.NO_PROJECTION;
        }
        BigDecimal variance = projectedOutturn.amount().subtract(budget.amount());
        if (variance.signum() <= 0) {
            return BudgetStatus.GREEN;
        }
        BigDecimal base = budget.amount().abs();
        if (base.signum() == 0) {
            return BudgetStatus.RED;
        }
        // variance / |budget| * 100 > threshold  <=>  variance * 100 > threshold * |budget|: exact
        BigDecimal scaled = variance.movePointRight(2);
        if (scaled.compareTo(redAbovePercent.multiply(base)) > 0) {
            return BudgetStatus.RED;
        }
        if (scaled.compareTo(amberAbovePercent.multiply(base)) > 0) {
            return BudgetStatus.AMBER;
        }
        return BudgetStatus.GREEN;
    }
}
