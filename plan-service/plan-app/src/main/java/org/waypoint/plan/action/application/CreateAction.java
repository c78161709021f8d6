package org.waypoint.plan.action.application;

import java.time.LocalDate;
import java.util.List;

import org.waypoint.plan.action.domain.DueDate;
import org.waypoint.plan.action.domain.Lead;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * Create an action. Validates itself: whatever reaches the use case is a well-formed action.
 *
 * @param due as written in the plan: a date, a year ("2022") or a range ("2021-24")
 */
public record CreateAction(String planId, String reference, String title, String description, String serviceArea,
                           List<Lead> leads, LocalDate startDate, DueDate due, int progressPercent) {

    public static final int MAX_TITLE = 300;
    public static final int MAX_DESCRIPTION = 5000;

    public CreateAction {
        require(title != null && !title.isBlank(), "title", "must not be blank");
        require(title.length() <= MAX_TITLE, "title", "must be at most " + MAX_TITLE + " characters");
        require(description == null || description.length() <= MAX_DESCRIPTION, "description",
                "must be at most " + MAX_DESCRIPTION + " characters");
        require(leads != null && !leads.isEmpty(), "leads", "must name at least one lead (a person or a role)");
        require(due != null, "due", "must not be blank");
        require(progressPercent >= 0 && progressPercent <= 100, "progressPercent", "must be between 0 and 100");
        require(startDate == null || !startDate.isAfter(due.date()), "startDate", "must not be after the due date");
        leads = List.copyOf(leads);
        title = title.strip();
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidInputException(field, message);
        }
    }
}
