package org.waypoint.notification.alert.application;

import java.time.Instant;
import java.util.Objects;

import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.AlertStatus;
import org.waypoint.notification.alert.domain.DeliveryState;

/**
 * An alert as recorded: the message, where it stands in its delivery, and when its recipient read it in the portal.
 */
public record StoredAlert(Alert alert, DeliveryState delivery, Instant readAt) {

    public StoredAlert {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(delivery, "delivery");
    }

    public AlertStatus status() {
        return delivery.status();
    }

    public int attempts() {
        return delivery.attempts();
    }

    public Instant sentAt() {
        return delivery.sentAt();
    }

    public String lastError() {
        return delivery.lastError();
    }

    public String digestId() {
        return delivery.digestId();
    }

    /**
     * How many of its sends may have repeated an earlier one the mail server had accepted (a resend after its
     * sender died, or after the SMTP conversation broke, in the middle of that message).
     */
    public int possibleDuplicates() {
        return delivery.possibleDuplicates();
    }

    public boolean possibleDuplicate() {
        return delivery.possibleDuplicate();
    }

    public boolean read() {
        return readAt != null;
    }
}
