package org.waypoint.budget.line.domain;

import java.time.Instant;
import java.util.Objects;

/** What was recorded for one period: actual spend to date and the projected outturn for the year. */
public record MonitoringEntry(Period period, Money actualToDate, Money projectedOutturn, String commentary,
                              String recordedBy, Instant recordedAt) {

    public MonitoringEntry {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(actualToDate, "actualToDate");
        Objects.requireNonNull(projectedOutturn, "projectedOutturn");
    }
}
