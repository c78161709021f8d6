package org.waypoint.plan.action.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.waypoint.plan.action.domain.ActionDetails;
import org.waypoint.plan.action.domain.DueDate;
import org.waypoint.plan.action.domain.ExceptionReport;
import org.waypoint.plan.action.domain.Lead;
import org.waypoint.plan.action.domain.ProgressUpdate;
import org.waypoint.plan.action.domain.Step;

/** The JSON bodies the actions API accepts. Unknown fields are rejected. */
public final class ActionRequests {

    private ActionRequests() {
    }

    public record LeadRequest(@NotBlank @Size(max = 200) String name,
                              @Size(max = 100) String username,
                              @Email @Size(max = 254) String email) {
        Lead toDomain() {
            return new Lead(name, username, email);
        }
    }

    public record StepRequest(@NotBlank @Size(max = Step.MAX_TEXT) String text, @Valid LeadRequest lead,
                              @Size(max = 40) String due) {
        Step toDomain() {
            return new Step(text, lead == null ? null : lead.toDomain(), due == null || due.isBlank() ? null : DueDate.parse(due));
        }
    }

    /** {@code POST /api/actions}. {@code due} as the plan writes it: a date, "2022" or "2021-24". */
    public record CreateAction(
            @NotBlank @Size(max = 64) String planId,
            @Size(max = 40) String priorityId,
            @Size(max = 40) String reference,
            @NotBlank @Size(max = ActionDetails.MAX_TITLE) String title,
            @Size(max = ActionDetails.MAX_DESCRIPTION) String description,
            @Size(max = ActionDetails.MAX_SHORT) String serviceArea,
            @NotEmpty @Size(max = 20) List<@Valid LeadRequest> leads,
            @Size(max = 50) List<@Valid StepRequest> steps,
            LocalDate startDate,
            @NotBlank @Size(max = 40) String due,
            LocalDate reviewDate,
            @Min(0) @Max(100) Integer progressPercent) {

        ActionDetails details() {
            return ActionRequests.details(planId, priorityId, reference, title, description, serviceArea, leads, steps,
                    startDate, due, reviewDate);
        }
    }

    /** {@code PUT /api/actions/{id}} with {@code If-Match}: the whole action as it should now be (not its progress). */
    public record UpdateAction(
            @NotBlank @Size(max = 64) String planId,
            @Size(max = 40) String priorityId,
            @Size(max = 40) String reference,
            @NotBlank @Size(max = ActionDetails.MAX_TITLE) String title,
            @Size(max = ActionDetails.MAX_DESCRIPTION) String description,
            @Size(max = ActionDetails.MAX_SHORT) String serviceArea,
            @NotEmpty @Size(max = 20) List<@Valid LeadRequest> leads,
            @Size(max = 50) List<@Valid StepRequest> steps,
            LocalDate startDate,
            @NotBlank @Size(max = 40) String due,
            LocalDate reviewDate,
            Boolean postponed,
            Boolean cancelled) {

        ActionDetails details() {
            return ActionRequests.details(planId, priorityId, reference, title, description, serviceArea, leads, steps,
                    startDate, due, reviewDate);
        }
    }

    /** {@code POST /api/actions/{id}/progress}. */
    public record RecordProgress(@NotNull @Min(0) @Max(100) Integer progressPercent,
                                 @Size(max = ProgressUpdate.MAX_TEXT) String text,
                                 LocalDate asOf) {
    }

    /** {@code PUT /api/actions/{id}/exception-report}. */
    public record ReportException(@NotBlank @Size(max = ExceptionReport.MAX_TEXT) String reason,
                                  @NotBlank @Size(max = ExceptionReport.MAX_TEXT) String correctiveAction,
                                  @NotNull LocalDate revisedDate) {
    }

    static ActionDetails details(String planId, String priorityId, String reference, String title, String description,
                                 String serviceArea, List<LeadRequest> leads, List<StepRequest> steps, LocalDate startDate,
                                 String due, LocalDate reviewDate) {
        return new ActionDetails(planId, priorityId, reference, title, description, serviceArea,
                leads.stream().map(LeadRequest::toDomain).toList(),
                steps == null ? List.of() : steps.stream().map(StepRequest::toDomain).toList(),
                startDate, DueDate.parse(due), reviewDate);
    }
}
