package org.waypoint.plan.action.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/**
 * Why an action is off track, what is being done about it, and the revised date it is now
 * expected by. While a report stands, the revised date is the date the action is judged by.
 */
public record ExceptionReport(String reason, String correctiveAction, LocalDate revisedDate, String reportedBy,
                              Instant reportedAt) {

    public static final int MAX_TEXT = 5000;

    public ExceptionReport {
        Text.multiLine("reason", reason);
        Text.multiLine("correctiveAction", correctiveAction);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "must not be blank");
        }
        if (correctiveAction == null || correctiveAction.isBlank()) {
            throw new InvalidInputException("correctiveAction", "must not be blank");
        }
        if (reason.length() > MAX_TEXT) {
            throw new InvalidInputException("reason", "must be at most " + MAX_TEXT + " characters");
        }
        if (correctiveAction.length() > MAX_TEXT) {
            throw new InvalidInputException("correctiveAction", "must be at most " + MAX_TEXT + " characters");
        }
        if (revisedDate == null) {
            throw new InvalidInputException("revisedDate", "must be a date");
        }
    }
}
