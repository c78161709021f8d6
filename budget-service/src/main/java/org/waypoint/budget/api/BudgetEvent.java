package org.waypoint.budget.api;

/**
 * An event budget-service publishes on {@link BudgetTopics#BUDGETS}. Money is carried as a string
 * with exactly two decimal places (pounds and pence, e.g. {@code "18383000.00"}, income negative),
 * so that no consumer ever reads it as a floating-point number.
 */
public sealed interface BudgetEvent permits BudgetSet, BudgetChanged, OutturnProjected, OverspendProjected, OverspendCleared {

    /** The id of the budget line the event is about: the Kafka key and the CloudEvent subject. */
    String aggregateId();

    /** The CloudEvent type, e.g. {@code org.waypoint.budget.OverspendProjected.v1}. */
    static String typeOf(Class<? extends BudgetEvent> eventClass) {
        return "org.waypoint.budget." + eventClass.getSimpleName() + ".v1";
    }

    /** Where the event's JSON Schema is published. */
    static String schemaOf(Class<? extends BudgetEvent> eventClass) {
        return "https://waypoint.example/schemas/budget/" + eventClass.getSimpleName() + ".v1.json";
    }
}
