package org.waypoint.plan.action.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.waypoint.plan.action.application.CreateAction;
import org.waypoint.plan.action.domain.DueDate;
import org.waypoint.plan.action.domain.Lead;

/** The JSON body of {@code POST /api/actions}. Unknown fields are rejected. */
public record CreateActionRequest(
        @Size(max = 64) String planId,
        @Size(max = 40) String reference,
        @NotBlank @Size(max = CreateAction.MAX_TITLE) String title,
        @Size(max = CreateAction.MAX_DESCRIPTION) String description,
        @Size(max = 200) String serviceArea,
        @NotEmpty @Size(max = 20) List<@Valid LeadRequest> leads,
        LocalDate startDate,
        @NotBlank @Size(max = 40) String due,
        @Min(0) @Max(100) Integer progressPercent) {

    public record LeadRequest(@NotBlank @Size(max = 200) String name,
                              @Size(max = 100) String username,
                              @Email @Size(max = 254) String email) {
    }

    CreateAction toCommand() {
        return new CreateAction(planId, reference, title, description, serviceArea,
                leads.stream().map(l -> new Lead(l.name(), l.username(), l.email())).toList(),
                startDate, DueDate.parse(due), progressPercent == null ? 0 : progressPercent);
    }
}
