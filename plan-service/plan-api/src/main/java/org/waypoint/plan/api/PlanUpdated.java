package org.waypoint.plan.api;

import java.time.Instant;
import java.util.List;

/** A plan was changed; {@code changedFields} names what changed. */
public record PlanUpdated(String planId, String title, String status, List<String> changedFields, String updatedBy,
                          Instant updatedAt) implements PlanEvent {

    public PlanUpdated {
        changedFields = List.copyOf(changedFields);
    }

    @Override
    public String aggregateId() {
        return planId;
    }
}
