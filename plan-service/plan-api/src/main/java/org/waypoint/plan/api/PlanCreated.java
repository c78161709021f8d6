package org.waypoint.plan.api;

import java.time.Instant;

/** A plan was created. */
public record PlanCreated(String planId, String title, String organisation, String service, String serviceArea,
                          String period, String owner, String status, String createdBy, Instant createdAt)
        implements PlanEvent {

    @Override
    public String aggregateId() {
        return planId;
    }
}
