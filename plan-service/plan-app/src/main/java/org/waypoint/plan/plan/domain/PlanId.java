package org.waypoint.plan.plan.domain;

import java.util.Objects;
import java.util.UUID;

public record PlanId(String value) {

    public PlanId {
        Objects.requireNonNull(value, "value");
    }

    public static PlanId newId() {
        return new PlanId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
