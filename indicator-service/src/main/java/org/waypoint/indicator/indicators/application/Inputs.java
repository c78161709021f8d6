package org.waypoint.indicator.indicators.application;

import java.util.Locale;

import org.waypoint.indicator.indicators.domain.Period;
import org.waypoint.platform.validation.InvalidInputException;

/** Reading typed-in text into domain values, naming the field when it cannot be read. */
final class Inputs {

    private Inputs() {
    }

    static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidInputException(field, message);
        }
    }

    static String text(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            require(!required, field, "must not be blank");
            return null;
        }
        require(value.length() <= max, field, "must be at most " + max + " characters");
        return value.strip();
    }

    /** "Higher is better", "higher-is-better" and "HIGHER_IS_BETTER" all name {@code HIGHER_IS_BETTER}. */
    static <E extends Enum<E>> E choice(Class<E> type, String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            require(!required, field, "must not be blank");
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new InvalidInputException(field, "must be one of " + java.util.Arrays.stream(type.getEnumConstants())
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList() + ", was '" + value + "'");
    }

    static Period period(String value, String field, boolean required) {
        if (value == null || value.isBlank()) {
            require(!required, field, "must not be blank");
            return null;
        }
        try {
            return Period.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, e.getMessage());
        }
    }
}
