package org.waypoint.budget.config;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code waypoint.budget.*}: the status thresholds (percent of budget) and the organisations with
 * their divisions and the service area of each (required).
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

    /** A division and its service area: every division has one, so every budget line has one (issue 16). */
    public record Division(String name, String serviceArea) {
        public Division {
            if (serviceArea == null || serviceArea.isBlank()) {
                throw new IllegalArgumentException("waypoint.budget.organisations: division '" + name
                        + "' names no service-area; every division needs one (an area no manager works in leaves its budgets"
                        + " to finance officers and admins)");
            }
        }
    }
}
