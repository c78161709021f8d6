package org.waypoint.plan.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An action passed its due date without being complete. Published once per due date: a later
 * rescan does not repeat it; moving the due date and missing it again does.
 */
public record ActionBecameOverdue(
        String actionId,
        String planId,
        String reference,
        String title,
        String serviceArea,
        List<LeadRef> leads,
        LocalDate dueDate,
        String dueAsWritten,
        int progressPercent,
        LocalDate detectedOn) implements PlanEvent {

    public ActionBecameOverdue {
        leads = List.copyOf(leads);
    }

    @Override
    public String aggregateId() {
        return actionId;
    }
}
