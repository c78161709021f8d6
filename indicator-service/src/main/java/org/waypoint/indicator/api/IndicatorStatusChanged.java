package org.waypoint.indicator.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The indicator's current status (that of its latest period) changed: published once per
 * transition. notification-service alerts the owner and their manager when {@code newStatus} is RED.
 * Statuses: GREEN "No concerns", AMBER "Some concerns", RED "Major concerns", GREY "N/A".
 */
public record IndicatorStatusChanged(
        String indicatorId,
        String code,
        String name,
        String unit,
        String serviceArea,
        OwnerRef owner,
        String period,
        String oldStatus,
        String newStatus,
        String newStatusLabel,
        String reason,
        BigDecimal value,
        String valueAsWritten,
        String target,
        String commentary,
        boolean needsRemedialCommentary,
        Instant changedAt) implements IndicatorEvent {
}
