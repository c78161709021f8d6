package org.waypoint.budget.api;

import java.time.Instant;
import java.util.List;

/**
 * A budget line was changed (amount, holder, attributes) or withdrawn.
 *
 * @param previousAmount the amount before the change (equal to {@code amount} when only attributes changed)
 * @param changes        what changed: field, value before, value after
 */
public record BudgetChanged(LineRef line, String previousAmount, String amount, List<FieldChange> changes,
                            boolean withdrawn, String changedBy, Instant changedAt) implements BudgetEvent {

    public BudgetChanged {
        changes = List.copyOf(changes);
    }

    /** One changed field. */
    public record FieldChange(String field, String from, String to) {
    }

    @Override
    public String aggregateId() {
        return line.lineId();
    }
}
