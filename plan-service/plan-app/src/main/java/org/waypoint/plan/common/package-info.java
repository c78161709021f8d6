/**
 * What plans and actions share, owning no aggregate: the history of changes ({@code HistoryEntry},
 * {@code FieldChange} and their stored shape), the stored-text rules, the area and people questions of
 * the one write rule ({@code WhoMayWrite}) and the adapter that turns plan-api events into outbox
 * messages for {@code waypoint.plans.v1} ({@code PlanEventsOutbox}).
 *
 * <p>Publishes nothing of its own. Uses only plan-api and the platform, never {@code plan} or
 * {@code action}, so that both may use it.
 */
package org.waypoint.plan.common;
