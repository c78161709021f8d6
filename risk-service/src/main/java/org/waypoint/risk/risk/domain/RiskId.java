package org.waypoint.risk.risk.domain;

import java.util.Objects;
import java.util.UUID;

/** A risk's identity. Made by the use case that raises the risk ({@link #newId()}), never by the risk itself. */
public record RiskId(String value) {

    public RiskId {
        Objects.requireNonNull(value, "value");
    }

    /** A new, random id. */
    public static RiskId newId() {
        return new RiskId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
