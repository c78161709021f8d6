package org.waypoint.plan.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An action was changed (details, exception report, postponement, cancellation). */
public record ActionUpdated(String actionId, String planId, String reference, String title, String serviceArea,
                            List<LeadRef> leads, LocalDate dueDate, String status, List<String> changedFields,
                            String updatedBy, Instant updatedAt) implements PlanEvent {

    public ActionUpdated {
        leads = List.copyOf(leads);
        changedFields = List.copyOf(changedFields);
    }

    @Override
    public String aggregateId() {
        return actionId;
    }
}
