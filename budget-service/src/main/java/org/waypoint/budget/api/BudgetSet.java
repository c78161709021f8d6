package org.waypoint.budget.api;

import java.time.Instant;

/** A budget line was set: a new amount for a division, funder, type and category in a financial year. */
public record BudgetSet(LineRef line, String amount, String setBy, Instant setAt) implements BudgetEvent {

    @Override
    public String aggregateId() {
        return line.lineId();
    }
}
