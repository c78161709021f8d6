package org.waypoint.plan.action.domain;

import org.waypoint.platform.validation.InvalidInputException;

/** One ordered step (deliverable) of an action, with its own lead and due date when the plan gives them. */
public record Step(String text, Lead lead, DueDate due) {

    public static final int MAX_TEXT = 2000;

    public Step {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("steps.text", "must not be blank");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("steps.text", "must be at most " + MAX_TEXT + " characters");
        }
        text = text.strip();
    }
}
