/**
 * What risk-service publishes for integrators and notification-service: the event records (one
 * per {@code RiskEvent} type) and the topic they go on ({@code RiskTopics}). Plain Java, no Spring
 * or Jackson type, so that a consumer may copy it; it uses nothing of the features.
 */
package org.waypoint.risk.api;
