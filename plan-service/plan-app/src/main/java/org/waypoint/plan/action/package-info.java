/**
 * Actions: the {@code Action} aggregate (its details, steps, leads, progress, exception reports and
 * status), with the use cases of people changing it ({@code ManagingActions}, checked by
 * {@code WhoMayWriteActions}), importing and exporting it as CSV/XLSX ({@code ImportingActions}),
 * reading it ({@code ActionQueries}) and the daily review ({@code ReviewingActions}, run by
 * {@code OverdueScan} from the review queue of ADR 13).
 *
 * <p>Publishes {@code ActionCreated}, {@code ActionUpdated}, {@code ProgressRecorded},
 * {@code ActionCompleted}, {@code ActionDueSoon}, {@code ActionBecameAtRisk} and
 * {@code ActionBecameOverdue} (plan-api) through the outbox. An action belongs to a plan, so this
 * feature may use {@code plan} (its domain) and {@code common}; neither of them may use this one. Its
 * leads are checked against the platform's staff directory ({@code LeadsInTheDirectory}).
 */
package org.waypoint.plan.action;
