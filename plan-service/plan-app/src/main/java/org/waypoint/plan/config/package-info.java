/**
 * The service's wiring that belongs to no feature: the Kafka topic it owns ({@code waypoint.plans.v1},
 * created when missing) and the switch for scheduled jobs ({@code waypoint.scheduling.enabled}).
 *
 * <p>Owns no aggregate and publishes nothing. Uses only plan-api and Spring; no feature uses it.
 */
package org.waypoint.plan.config;
