package org.waypoint.plan.action.domain;

import java.time.LocalDate;
import java.util.List;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/**
 * What a person types about an action. Validates itself: one-line fields (plan and priority ids,
 * reference, title, service area) carry no control character, the description may keep line breaks
 * and tabs only ({@link Text}); no lead or step is null. That the action has a service area is the
 * write rule's to say (WhoMayWriteActions: 400 naming serviceArea), so that actions stored before it still read.
 */
public record ActionDetails(String planId, String priorityId, String reference, String title, String description,
                            String serviceArea, List<Lead> leads, List<Step> steps, LocalDate startDate, DueDate due,
                            LocalDate reviewDate) {

    public static final int MAX_TITLE = 300;
    public static final int MAX_DESCRIPTION = 5000;
    public static final int MAX_SHORT = 200;

    public ActionDetails {
        Text.oneLine("planId", planId);
        Text.oneLine("priorityId", priorityId);
        Text.oneLine("reference", reference);
        Text.oneLine("title", title);
        Text.multiLine("description", description);
        Text.oneLine("serviceArea", serviceArea);
        require(planId != null && !planId.isBlank(), "planId", "must name the plan the action belongs to");
        require(title != null && !title.isBlank(), "title", "must not be blank");
        require(title.length() <= MAX_TITLE, "title", "must be at most " + MAX_TITLE + " characters");
        require(description == null || description.length() <= MAX_DESCRIPTION, "description",
                "must be at most " + MAX_DESCRIPTION + " characters");
        require(reference == null || reference.length() <= 40, "reference", "must be at most 40 characters");
        require(serviceArea == null || serviceArea.length() <= MAX_SHORT, "serviceArea",
                "must be at most " + MAX_SHORT + " characters");
        require(leads != null && !leads.isEmpty(), "leads", "must name at least one lead (a person or a role)");
        for (int i = 0; i < leads.size(); i++) {
            require(leads.get(i) != null, "leads[" + i + "]", "must be a lead (a person or a role), not null");
        }
        for (int i = 0; steps != null && i < steps.size(); i++) {
            require(steps.get(i) != null, "steps[" + i + "]", "must be a step, not null");
        }
        require(due != null, "due", "must not be blank");
        require(startDate == null || !startDate.isAfter(due.date()), "startDate", "must not be after the due date");
        require(reviewDate == null || startDate == null || !reviewDate.isBefore(startDate), "reviewDate",
                "must not be before the start date");
        title = title.strip();
        leads = List.copyOf(leads);
        steps = steps == null ? List.of() : List.copyOf(steps);
        reference = blankToNull(reference);
        serviceArea = blankToNull(serviceArea);
        priorityId = blankToNull(priorityId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidInputException(field, message);
        }
    }
}
