package org.waypoint.risk.register.domain;

import org.waypoint.platform.validation.InvalidInputException;

/** A likelihood and an impact (severity), each 1-5, as a person rated them. */
public record Rating(int likelihood, int impact) {

    public Rating {
        check(likelihood, "likelihood");
        check(impact, "impact");
    }

    /** A rating whose errors name {@code field.likelihood} / {@code field.impact}. */
    public static Rating of(Integer likelihood, Integer impact, String field) {
        String prefix = field == null || field.isEmpty() ? "" : field + ".";
        if (likelihood == null) {
            throw new InvalidInputException(prefix + "likelihood", "must be given (1-5)");
        }
        if (impact == null) {
            throw new InvalidInputException(prefix + "impact", "must be given (1-5)");
        }
        check(likelihood, prefix + "likelihood");
        check(impact, prefix + "impact");
        return new Rating(likelihood, impact);
    }

    static void check(int value, String field) {
        if (value < 1 || value > 5) {
            throw new InvalidInputException(field, "must be between 1 and 5, was " + value);
        }
    }

    public int score() {
        return likelihood * impact;
    }
}
