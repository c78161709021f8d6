package org.waypoint.budget.api;

import java.time.Instant;

/**
 * Monitoring was recorded for a period: actual spend to date and the projected outturn for the year.
 *
 * @param period          e.g. {@code "2021/22 Q2"} or {@code "2021/22 M06"}
 * @param variance        projected outturn minus budget: positive is an overspend (or income short of budget)
 * @param variancePercent variance as a percentage of the budget, two places; null when the budget is zero
 * @param outturnPercent  projected outturn as a percentage of the budget, two places; null when the budget is zero
 * @param status          {@code GREEN}, {@code AMBER} or {@code RED} by the service's thresholds
 */
public record OutturnProjected(LineRef line, String period, String budget, String actualToDate, String projectedOutturn,
                               String variance, String variancePercent, String outturnPercent, String status,
                               String commentary, String recordedBy, Instant recordedAt) implements BudgetEvent {

    @Override
    public String aggregateId() {
        return line.lineId();
    }
}
