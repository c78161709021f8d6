package org.waypoint.plan.action.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.media.Schema;
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
import org.waypoint.platform.validation.InvalidInputException;

/** The JSON bodies the actions API accepts. Unknown fields are rejected. */
public final class ActionRequests {

    /**
     * Required, but checked by the write rule (WhoMayWriteActions) rather than here, so that a caller who may
     * not write at all still gets 403 before any 400.
     */
    static final String SERVICE_AREA = "The service area the action belongs to: required (400 naming serviceArea without one). "
            + "The caller must be allowed to write in it and in the plan's area.";

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
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = SERVICE_AREA)
            @Size(max = ActionDetails.MAX_SHORT) String serviceArea,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid LeadRequest> leads,
            @Size(max = 50) List<@NotNull @Valid StepRequest> steps,
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
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = SERVICE_AREA)
            @Size(max = ActionDetails.MAX_SHORT) String serviceArea,
            @NotEmpty @Size(max = 20) List<@NotNull @Valid LeadRequest> leads,
            @Size(max = 50) List<@NotNull @Valid StepRequest> steps,
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
        List<Lead> domainLeads = new ArrayList<>();
        for (int i = 0; leads != null && i < leads.size(); i++) {
            domainLeads.add(at("leads[" + i + "]", leads.get(i), LeadRequest::toDomain));
        }
        List<Step> domainSteps = new ArrayList<>();
        for (int i = 0; steps != null && i < steps.size(); i++) {
            domainSteps.add(at("steps[" + i + "]", steps.get(i), StepRequest::toDomain));
        }
        return new ActionDetails(planId, priorityId, reference, title, description, serviceArea, domainLeads, domainSteps,
                startDate, DueDate.parse(due), reviewDate);
    }

    /**
     * One element of a list made a domain object, with the domain's complaint (about "leads.name",
     * "steps.text", "leads.email" of a step's lead) named by where it is: "leads[0].name",
     * "steps[1].text", "steps[1].lead.email". A null element is "leads[0]" itself.
     */
    private static <R, T> T at(String where, R element, Function<R, T> toDomain) {
        if (element == null) {
            throw new InvalidInputException(where, "must not be null");
        }
        try {
            return toDomain.apply(element);
        } catch (InvalidInputException e) {
            String field = e.field();
            String inside = where.startsWith("steps") && field.startsWith("leads.") ? "lead." + field.substring(6)
                    : field.startsWith("leads.") || field.startsWith("steps.") ? field.substring(6) : null;
            if (inside == null) {
                throw e;
            }
            throw new InvalidInputException(where + "." + inside, e.getMessage());
        }
    }
}
