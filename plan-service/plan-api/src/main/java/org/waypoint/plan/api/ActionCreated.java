package org.waypoint.plan.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A new action was added to a plan. */
public record ActionCreated(
        String actionId,
        String planId,
        String reference,
        String title,
        String serviceArea,
        List<LeadRef> leads,
        LocalDate dueDate,
        String dueAsWritten,
        String createdBy,
        Instant createdAt) implements PlanEvent {

    public ActionCreated {
        leads = List.copyOf(leads);
    }

    @Override
    public String aggregateId() {
        return actionId;
    }
}
