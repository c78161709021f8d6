package org.waypoint.indicator.indicator.domain;

import java.util.Objects;
import java.util.UUID;

public record IndicatorId(String value) {

    public IndicatorId {
        Objects.requireNonNull(value, "value");
    }

    public static IndicatorId newId() {
        return new IndicatorId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
