package org.waypoint.notification.api;

/** The Kafka topics notification-service owns. */
public final class NotificationTopics {

    /** Dead letters: poison events and alerts the mail server refused too often. Key = dead letter id. */
    public static final String DEAD_LETTERS = "waypoint.notifications.dlq.v1";

    /** The CloudEvents {@code source} of notification-service's events. */
    public static final String SOURCE = "/waypoint/notification-service";

    private NotificationTopics() {
    }
}
