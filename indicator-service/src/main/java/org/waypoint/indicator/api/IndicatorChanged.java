package org.waypoint.indicator.api;

import java.time.Instant;
import java.util.List;

/** An indicator's definition changed (targets, tolerance, owner, ...): {@code changedFields} names what. */
public record IndicatorChanged(
        String indicatorId,
        String code,
        String name,
        String serviceArea,
        OwnerRef owner,
        List<String> changedFields,
        String changedBy,
        Instant changedAt) implements IndicatorEvent {

    public IndicatorChanged {
        changedFields = List.copyOf(changedFields);
    }
}
