package org.waypoint.plan.api;

import java.time.Instant;
import java.time.LocalDate;

/** Someone recorded progress on an action. */
public record ProgressRecorded(String actionId, String planId, String reference, String title, int previousPercent,
                               int progressPercent, String text, LocalDate asOf, String author, Instant recordedAt)
        implements PlanEvent {

    @Override
    public String aggregateId() {
        return actionId;
    }
}
