package org.waypoint.indicator.indicator.application;

import static org.waypoint.indicator.indicator.application.Inputs.require;

import java.time.LocalDate;

import org.waypoint.indicator.indicator.domain.Period;
import org.waypoint.platform.validation.Text;

/**
 * Record a period's value, or that it is not yet available and when it is expected. Validates
 * itself (the value is one line, the commentary may have line breaks but no other control
 * characters); the value is read in the indicator's unit, and the period checked against the
 * indicator's frequency and today, by the use case.
 */
public record RecordMeasurement(Period period, String value, LocalDate expectedOn, String commentary) {

    public static final int MAX_COMMENTARY = 4000;

    public RecordMeasurement {
        require(period != null, "period", "must not be blank");
        Text.oneLine("value", value);
        Text.multiLine("commentary", commentary);
        value = value == null || value.isBlank() ? null : value.strip();
        require(value == null || value.length() <= 60, "value", "must be at most 60 characters");
        require(value != null || expectedOn != null, "value",
                "give a value, or say when it is expected (expectedOn) if it is not yet available");
        require(commentary == null || commentary.length() <= MAX_COMMENTARY, "commentary",
                "must be at most " + MAX_COMMENTARY + " characters");
        commentary = commentary == null || commentary.isBlank() ? null : commentary.strip();
    }

    public static RecordMeasurement of(String period, String value, LocalDate expectedOn, String commentary) {
        return new RecordMeasurement(Inputs.period(period, "period", true), value, expectedOn, commentary);
    }
}
