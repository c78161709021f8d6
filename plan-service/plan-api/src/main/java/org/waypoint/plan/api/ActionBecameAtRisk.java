package org.waypoint.plan.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An action's progress fell well behind the share of its time that has passed (see the
 * service's at-risk rule). Once per time it enters "at risk".
 */
public record ActionBecameAtRisk(String actionId, String planId, String reference, String title, String serviceArea,
                                 List<LeadRef> leads, LocalDate dueDate, int progressPercent, int expectedPercent,
                                 LocalDate detectedOn) implements PlanEvent {

    public ActionBecameAtRisk {
        leads = List.copyOf(leads);
    }

    @Override
    public String aggregateId() {
        return actionId;
    }
}
