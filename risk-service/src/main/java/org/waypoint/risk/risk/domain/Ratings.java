package org.waypoint.risk.risk.domain;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.risk.register.domain.Rating;

/**
 * The three ratings a person gives a new risk: before any control (original; the current one when
 * not given), now (current; required) and aimed at (target; may be none).
 */
public record Ratings(Rating original, Rating current, Rating target) {

    public Ratings {
        if (current == null) {
            throw new InvalidInputException("current", "must be given: likelihood and impact 1-5");
        }
        original = original == null ? current : original;
    }
}
