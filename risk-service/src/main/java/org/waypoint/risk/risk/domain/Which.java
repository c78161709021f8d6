package org.waypoint.risk.risk.domain;

import java.util.Locale;

import org.waypoint.platform.validation.InvalidInputException;

/** Which of a risk's three assessments: before any control (original), now (current), or aimed at (target). */
public enum Which {
    ORIGINAL, CURRENT, TARGET;

    public static Which parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return CURRENT;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + text + "' is not ORIGINAL, CURRENT or TARGET");
        }
    }
}
