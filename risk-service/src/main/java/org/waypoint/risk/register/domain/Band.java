package org.waypoint.risk.register.domain;

import java.util.Locale;

import org.waypoint.platform.validation.InvalidInputException;

/** A band of the 5x5 risk matrix, lowest first. Which cells fall in which band is configuration ({@link Banding}). */
public enum Band {
    LOW("Low"), MEDIUM("Medium"), HIGH("High"), VERY_HIGH("Very high");

    private final String label;

    Band(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isHigherThan(Band other) {
        return other == null || compareTo(other) > 0;
    }

    /** Reads "very high", "Very High", "VERY_HIGH" or "very-high"; names {@code field} when it cannot. */
    public static Band parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "must be one of LOW, MEDIUM, HIGH, VERY_HIGH");
        }
        String key = text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        try {
            return Band.valueOf(key);
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInputException(field, "'" + text + "' is not a band: use LOW, MEDIUM, HIGH or VERY_HIGH");
        }
    }
}
