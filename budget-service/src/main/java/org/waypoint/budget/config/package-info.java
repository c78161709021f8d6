/**
 * The service's wiring that belongs to no feature: the Kafka topic it owns ({@code waypoint.budgets.v1},
 * created when missing) and, from {@code waypoint.budget.*} ({@code BudgetProperties}), the status
 * thresholds and the catalogue of organisations and divisions behind {@code line}'s
 * {@code Organisations} port.
 *
 * <p>Owns no aggregate and publishes nothing. Uses {@code api}, {@code line} and Spring; no feature uses it.
 */
package org.waypoint.budget.config;
