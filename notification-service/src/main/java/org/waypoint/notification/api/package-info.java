/**
 * What notification-service publishes for integrators: the {@code NotificationDeadLettered} event and the topic it
 * goes to ({@code NotificationTopics}). Plain Java only (records and names), so that a consumer needs nothing of
 * the service to read them; the alert feature writes them.
 */
package org.waypoint.notification.api;
