package org.waypoint.plan.action.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionStatus;

/** An action as the API shows it, with its derived status. */
public record ActionResponse(
        String id,
        String planId,
        String reference,
        String title,
        String description,
        String serviceArea,
        List<LeadResponse> leads,
        LocalDate startDate,
        Due due,
        int progressPercent,
        ActionStatus status,
        String createdBy,
        Instant createdAt,
        long version) {

    public record LeadResponse(String name, String username, String email) {
    }

    /** The date the plan's wording was read as, beside the wording itself. */
    public record Due(LocalDate date, String asWritten) {
    }

    static ActionResponse of(Action a, LocalDate today) {
        return new ActionResponse(a.id().value(), a.planId(), a.reference(), a.title(), a.description(), a.serviceArea(),
                a.leads().stream().map(l -> new LeadResponse(l.name(), l.username(), l.email())).toList(),
                a.startDate(), new Due(a.due().date(), a.due().asWritten()), a.progressPercent(), a.status(today),
                a.createdBy(), a.createdAt(), a.version());
    }
}
