package org.waypoint.plan.action.domain;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/** One ordered step (deliverable) of an action, with its own lead and due date when the plan gives them; its text is one line. */
public record Step(String text, Lead lead, DueDate due) {

    public static final int MAX_TEXT = 2000;

    public Step {
        Text.oneLine("steps.text", text);
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("steps.text", "must not be blank");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("steps.text", "must be at most " + MAX_TEXT + " characters");
        }
        text = text.strip();
    }
}
