package org.waypoint.plan.action.domain;

import java.time.Instant;
import java.time.LocalDate;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/** A dated progress note: who, what, and the percentage at the time. */
public record ProgressUpdate(LocalDate asOf, String author, String text, int percent, Instant recordedAt) {

    public static final int MAX_TEXT = 5000;

    public ProgressUpdate {
        Text.multiLine("text", text);
        if (percent < 0 || percent > 100) {
            throw new InvalidInputException("progressPercent", "must be between 0 and 100");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new InvalidInputException("text", "must be at most " + MAX_TEXT + " characters");
        }
        if (asOf == null) {
            throw new InvalidInputException("asOf", "must be a date");
        }
    }
}
