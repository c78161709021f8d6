/**
 * The demo data of the local platform: the three seed budgets with a year of quarterly monitoring,
 * loaded when {@code waypoint.demo-data.enabled} is set and there are no budget lines yet.
 *
 * <p>Owns no aggregate; it builds lines with {@code line}'s domain and stores them with their events
 * through {@code BudgetLines}, so the events are published as for any other change. Nothing uses this package.
 */
package org.waypoint.budget.demo;
