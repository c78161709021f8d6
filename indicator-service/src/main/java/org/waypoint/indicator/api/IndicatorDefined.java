package org.waypoint.indicator.api;

import java.time.Instant;

/** A new indicator was defined. */
public record IndicatorDefined(
        String indicatorId,
        String code,
        String name,
        String unit,
        String polarity,
        String frequency,
        String theme,
        String serviceArea,
        OwnerRef owner,
        String definedBy,
        Instant definedAt) implements IndicatorEvent {
}
