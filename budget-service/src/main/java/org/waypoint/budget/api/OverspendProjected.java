package org.waypoint.budget.api;

import java.time.Instant;

/**
 * A line's projected outturn went beyond the red threshold (e.g. an overspend of more than 1%).
 * Published once per transition: not again until {@link OverspendCleared} has been published.
 *
 * @param period           the monitoring period of the projection
 * @param redAbovePercent  the threshold that was crossed
 */
public record OverspendProjected(LineRef line, String period, String budget, String projectedOutturn, String variance,
                                 String variancePercent, String redAbovePercent, String causedBy,
                                 Instant detectedAt) implements BudgetEvent {

    @Override
    public String aggregateId() {
        return line.lineId();
    }
}
