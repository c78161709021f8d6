package org.waypoint.plan.plan.domain;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/** An outcome a plan serves: a coded link such as "C6.6", a national outcome "NO5", a 2030 outcome. */
public record Outcome(String code, String title) {

    public Outcome {
        Text.oneLine("outcomes.code", code);
        Text.oneLine("outcomes.title", title);
        if (code == null || !code.matches("[A-Za-z0-9. _/-]{1,40}")) {
            throw new InvalidInputException("outcomes.code", "must be 1-40 characters such as C6.6 or NO5");
        }
        if (title != null && title.length() > 500) {
            throw new InvalidInputException("outcomes.title", "must be at most 500 characters");
        }
    }
}
