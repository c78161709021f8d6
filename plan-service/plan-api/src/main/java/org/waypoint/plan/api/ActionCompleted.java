package org.waypoint.plan.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An action reached 100%. */
public record ActionCompleted(String actionId, String planId, String reference, String title, String serviceArea,
                              List<LeadRef> leads, LocalDate dueDate, boolean late, String completedBy,
                              Instant completedAt) implements PlanEvent {

    public ActionCompleted {
        leads = List.copyOf(leads);
    }

    @Override
    public String aggregateId() {
        return actionId;
    }
}
