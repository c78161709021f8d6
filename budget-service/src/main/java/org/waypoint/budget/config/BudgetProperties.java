package org.waypoint.budget.config;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code waypoint.budget.*}: the status thresholds (percent of budget) and the organisations with
 * their divisions and service areas.
 */
@ConfigurationProperties("waypoint.budget")
public record BudgetProperties(Thresholds thresholds, List<Organisation> organisations) {

    public BudgetProperties {
        thresholds = thresholds == null ? new Thresholds(BigDecimal.ZERO, BigDecimal.ONE) : thresholds;
        organisations = organisations == null ? List.of() : List.copyOf(organisations);
    }

    public record Thresholds(BigDecimal amberAbovePercent, BigDecimal redAbovePercent) {
    }

    public record Organisation(String name, List<Division> divisions) {
        public Organisation {
            divisions = divisions == null ? List.of() : List.copyOf(divisions);
        }
    }

    public record Division(String name, String serviceArea) {
    }
}
