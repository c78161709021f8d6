package org.waypoint.budget.api;

import java.time.Instant;

/** A line announced by {@link OverspendProjected} is no longer projected beyond the red threshold. */
public record OverspendCleared(LineRef line, String period, String budget, String projectedOutturn, String variance,
                               String variancePercent, String status, String causedBy,
                               Instant clearedAt) implements BudgetEvent {

    @Override
    public String aggregateId() {
        return line.lineId();
    }
}
