package org.waypoint.indicator.indicator.web;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.waypoint.indicator.indicator.application.RecordMeasurement;

/**
 * The JSON body of {@code POST /api/indicators/{id}/measurements}.
 *
 * @param period     "2021/22", "2021/22 Q3", "2021/22 H1" or "January 2022"
 * @param value      in the indicator's unit ("95%", "£4,374", "2,500", "70/30"); absent when not yet available
 * @param expectedOn when a value not yet available is expected
 * @param commentary what the figure means; for a red one, the remedial action being taken
 */
public record MeasurementRequest(
        @NotBlank @Size(max = 40) String period,
        String value,
        LocalDate expectedOn,
        String commentary) {

    RecordMeasurement toCommand() {
        return RecordMeasurement.of(period, value, expectedOn, commentary);
    }
}
