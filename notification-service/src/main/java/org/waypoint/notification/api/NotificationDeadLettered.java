package org.waypoint.notification.api;

import java.time.Instant;

/**
 * Something notification-service could not deliver and gave up on: a poison event (not a
 * CloudEvent, or missing what its rule needs, or failing every attempt) or an alert the mail server
 * refused on every attempt. It can be listed and replayed through {@code /api/notifications/dead-letters}.
 *
 * @param kind            POISON_EVENT or UNDELIVERABLE_ALERT
 * @param originalEvent   the record as it was consumed (poison events), verbatim; null for alerts
 * @param alertId         the alert's identity (undeliverable alerts)
 */
public record NotificationDeadLettered(String deadLetterId, String kind, String reason, int attempts, String sourceTopic,
                                       String sourceEventId, String sourceEventType, String originalEvent, String alertId,
                                       String recipientEmail, Instant deadAt) {

    public static final String TYPE = "org.waypoint.notification.NotificationDeadLettered.v1";
    public static final String SCHEMA = "https://waypoint.example/schemas/notification/NotificationDeadLettered.v1.json";
}
