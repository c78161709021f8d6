package org.waypoint.indicator.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A period's value was recorded or revised ({@code revision} counts from 1), or recorded as not yet
 * available with the date it is expected. {@code status} is the period's RAG status after it.
 */
public record MeasurementRecorded(
        String indicatorId,
        String code,
        String name,
        String unit,
        String serviceArea,
        OwnerRef owner,
        String period,
        BigDecimal value,
        String valueAsWritten,
        LocalDate expectedOn,
        String target,
        String status,
        String trend,
        String commentary,
        int revision,
        String recordedBy,
        Instant recordedAt) implements IndicatorEvent {
}
