package org.waypoint.plan.api;

import java.time.LocalDate;
import java.util.List;

/** An open action is due within the configured number of days. Once per due date. */
public record ActionDueSoon(String actionId, String planId, String reference, String title, String serviceArea,
                            List<LeadRef> leads, LocalDate dueDate, String dueAsWritten, int progressPercent,
                            int daysLeft, LocalDate detectedOn) implements PlanEvent {

    public ActionDueSoon {
        leads = List.copyOf(leads);
    }

    @Override
    public String aggregateId() {
        return actionId;
    }
}
