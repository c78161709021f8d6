package org.waypoint.plan.plan.domain;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/** A strategic priority of a plan, e.g. "Caring for our Workforce". Actions belong to one. */
public record Priority(String id, String title) {

    public Priority {
        Text.oneLine("priorities.id", id);
        Text.oneLine("priorities.title", title);
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,40}")) {
            throw new InvalidInputException("priorities.id", "must be 1-40 letters, digits, '.', '_' or '-'");
        }
        if (title == null || title.isBlank() || title.length() > 300) {
            throw new InvalidInputException("priorities.title", "must be 1-300 characters");
        }
    }
}
