package org.waypoint.budget.line.domain;

/**
 * Where a budget stands against its projection: green on or under budget, amber a projected
 * overspend within tolerance, red beyond it, {@code NO_PROJECTION} when nothing was projected yet.
 */
public enum BudgetStatus {
    GREEN, AMBER, RED, NO_PROJECTION
}
