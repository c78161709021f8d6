package org.waypoint.indicator.indicator.application;

import java.util.Locale;

import org.waypoint.indicator.indicator.domain.Period;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/** Reading typed-in text into domain values, naming the field when it cannot be read. */
final class Inputs {

    private Inputs() {
    }

    static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidInputException(field, message);
        }
    }

    /** One-line text (name, code, unit, owner...): no control characters, at most {@code max} characters, stripped. */
    static String text(String value, String field, int max, boolean required) {
        Text.oneLine(field, value);
        return checked(value, field, max, required);
    }

    /** Multi-line text (description, commentary): line breaks and tabs allowed, no other control characters. */
    static String multiLineText(String value, String field, int max, boolean required) {
        Text.multiLine(field, value);
        return checked(value, field, max, required);
    }

    private static String checked(String value, String field, int max, boolean required) {
        if (value == null || value.isBlank()) {
            require(!required, field, "must not be blank");
            return null;
        }
        require(value.length() <= max, field, "must be at most " + max + " characters");
        return value.strip();
    }

    /** "Higher is better", "higher-is-better" and "HIGHER_IS_BETTER" all name {@code HIGHER_IS_BETTER}. */
    static <E extends Enum<E>> E choice(Class<E> type, String value, String field, boolean required) {
        Text.oneLine(field, value);
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
                .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList() + ", was '" + clip(value) + "'");
    }

    static Period period(String value, String field, boolean required) {
        Text.oneLine(field, value);
        if (value == null || value.isBlank()) {
            require(!required, field, "must not be blank");
            return null;
        }
        return Period.parse(value, field);
    }

    /** Typed-in text quoted back in a message: at most 60 characters. */
    static String clip(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
