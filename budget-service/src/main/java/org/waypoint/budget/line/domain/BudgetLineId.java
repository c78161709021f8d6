package org.waypoint.budget.line.domain;

import java.util.Objects;
import java.util.UUID;

public record BudgetLineId(String value) {

    public BudgetLineId {
        Objects.requireNonNull(value, "value");
    }

    public static BudgetLineId newId() {
        return new BudgetLineId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
