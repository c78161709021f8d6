package org.waypoint.budget.line.web;

import org.waypoint.budget.line.application.RecordMonitoring;

/**
 * The JSON body of {@code POST /api/budgets/lines/{id}/monitoring}: the period ("Q2", "M06",
 * "September" or "2021/22 Q2"), actual spend to date and the projected outturn for the year (money
 * as {@link MoneyText}), and optional commentary.
 */
public record MonitoringRequest(String period, MoneyText actualToDate, MoneyText projectedOutturn, String commentary) {

    RecordMonitoring toCommand() {
        return new RecordMonitoring(period, MoneyText.money(actualToDate, "actualToDate"),
                MoneyText.money(projectedOutturn, "projectedOutturn"), commentary);
    }
}
