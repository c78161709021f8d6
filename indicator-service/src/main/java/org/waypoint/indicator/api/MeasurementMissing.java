package org.waypoint.indicator.api;

import java.time.LocalDate;

/**
 * A period closed {@code daysOverdue} days ago (at least the configured grace period) and its value
 * is still absent. Published once per indicator and period.
 */
public record MeasurementMissing(
        String indicatorId,
        String code,
        String name,
        String serviceArea,
        OwnerRef owner,
        String period,
        LocalDate periodEnd,
        LocalDate expectedOn,
        long daysOverdue,
        LocalDate detectedOn) implements IndicatorEvent {
}
