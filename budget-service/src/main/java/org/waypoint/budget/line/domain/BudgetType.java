package org.waypoint.budget.line.domain;

/** Revenue (running costs, year by year) or capital (projects: buildings, equipment). */
public enum BudgetType {
    REVENUE, CAPITAL
}
