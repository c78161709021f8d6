package org.waypoint.indicator.indicator.domain;

import java.util.Locale;
import java.util.Objects;

import org.waypoint.platform.validation.InvalidInputException;

/**
 * A financial year's target: a number in the indicator's unit, a direction against the previous
 * period ("Increase"/"Reduce"), "TBC" (to be set), or none ("n/a").
 */
public record Target(Kind kind, MeasuredValue value) {

    public enum Kind { NUMBER, INCREASE, REDUCE, TBC, NONE }

    public Target {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.NUMBER) != (value != null)) {
            throw new InvalidInputException("target", "has a value exactly when it is a number");
        }
    }

    public static Target number(MeasuredValue value) {
        return new Target(Kind.NUMBER, value);
    }

    public static final Target INCREASE = new Target(Kind.INCREASE, null);
    public static final Target REDUCE = new Target(Kind.REDUCE, null);
    public static final Target TBC = new Target(Kind.TBC, null);
    public static final Target NONE = new Target(Kind.NONE, null);

    /** Reads "95%", "£175k", "Increase", "Reduce", "TBC" or "n/a" for an indicator of {@code unit}. */
    public static Target parse(String text, Unit unit) {
        return parse(text, unit, "target");
    }

    /**
     * As {@link #parse(String, Unit)}, for the field {@code field} (such as {@code targets.2021/22}).
     *
     * @throws InvalidInputException naming {@code field} if the text is a number not of {@code unit}
     */
    public static Target parse(String text, Unit unit, String field) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "increase", "higher", "up" -> INCREASE;
            case "reduce", "decrease", "lower", "down" -> REDUCE;
            case "tbc", "tbd", "to be confirmed" -> TBC;
            case "n/a", "na", "none", "-" -> NONE;
            default -> number(unit.read(text, field, ""));
        };
    }

    public String asWritten() {
        return switch (kind) {
            case NUMBER -> value.asWritten();
            case INCREASE -> "Increase";
            case REDUCE -> "Reduce";
            case TBC -> "TBC";
            case NONE -> "n/a";
        };
    }
}
