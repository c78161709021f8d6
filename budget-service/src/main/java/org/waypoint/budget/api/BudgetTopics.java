package org.waypoint.budget.api;

/** The Kafka topic budget-service owns. Events are CloudEvents 1.0 JSON keyed by budget line id. */
public final class BudgetTopics {

    /** Every change to budget lines and their monitoring, keyed by the line's id. */
    public static final String BUDGETS = "waypoint.budgets.v1";

    /** The CloudEvents {@code source} of every budget-service event. */
    public static final String SOURCE = "/waypoint/budget-service";

    private BudgetTopics() {
    }
}
