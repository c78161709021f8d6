/**
 * What budget-service publishes for integrators, as plain Java (records and names, no Spring or
 * Jackson): the topic it owns ({@code BudgetTopics}, {@code waypoint.budgets.v1}) and the events on it
 * ({@code BudgetEvent}: {@code BudgetSet}, {@code BudgetChanged}, {@code OutturnProjected},
 * {@code OverspendProjected}, {@code OverspendCleared}), each a CloudEvent keyed by the line's id whose
 * JSON Schema is named by {@code BudgetEvent.schemaOf}, with money as two-decimal text.
 *
 * <p>Depends on nothing but Java; consumers and budget-service's {@code line} domain both use it.
 */
package org.waypoint.budget.api;
