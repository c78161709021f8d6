package org.waypoint.notification.alert.application;

import org.waypoint.notification.alert.domain.AlertStatus;

/**
 * Every role of the alert store at once, as its MongoDB adapter implements them: for wiring and for tests that
 * seed or inspect the store. Use cases depend on the one role they need: {@link RaisedAlerts} (recording alerts
 * once), {@link SendQueue} (sending them), {@link Inbox} (a person's notifications), {@link DeliveryLog} (what
 * was sent to whom) and {@link Digests}.
 */
public interface AlertStore extends RaisedAlerts, SendQueue, Inbox, DeliveryLog, Digests {

    /** The {@link AlertStatus} values, under the names callers of the whole store knew them by before the split. */
    final class Status {
        public static final AlertStatus PENDING = AlertStatus.PENDING;
        public static final AlertStatus SENDING = AlertStatus.SENDING;
        public static final AlertStatus SENT = AlertStatus.SENT;
        public static final AlertStatus FAILED = AlertStatus.FAILED;
        public static final AlertStatus HELD = AlertStatus.HELD;
        public static final AlertStatus DIGESTED = AlertStatus.DIGESTED;

        private Status() {
        }
    }
}
