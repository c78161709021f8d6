package org.waypoint.platform.validation;

/** Bad input that a self-validating command or value object found: answered as 400 naming the field. */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
