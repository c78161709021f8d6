package org.waypoint.plan.action.domain;

import java.util.Objects;
import java.util.UUID;

public record ActionId(String value) {

    public ActionId {
        Objects.requireNonNull(value, "value");
    }

    public static ActionId newId() {
        return new ActionId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
