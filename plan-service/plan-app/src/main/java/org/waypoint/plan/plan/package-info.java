/**
 * Plans: the {@code Plan} aggregate (its period, priorities, outcomes, owner and service area), with
 * the use cases of creating and changing it ({@code ManagingPlans}, checked by
 * {@code WhoMayWritePlans}) and reading it with its history ({@code PlanQueries}).
 *
 * <p>Publishes {@code PlanCreated} and {@code PlanUpdated} (plan-api) through the outbox. May use
 * {@code common} only: it knows nothing of the actions that belong to a plan ({@code action} uses
 * this feature, never the other way round).
 */
package org.waypoint.plan.plan;
