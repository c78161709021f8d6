package org.waypoint.notification.alert.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.waypoint.notification.alert.domain.Alert;

/** Alerts waiting to be sent and already sent. */
public interface AlertStore {

    enum Status { PENDING, SENDING, SENT, FAILED }

    record StoredAlert(Alert alert, Status status, int attempts, Instant sentAt, String lastError) {
    }

    /** @return false if an alert with this id exists already (it is never raised twice) */
    boolean addIfNew(Alert alert);

    /** An alert taken for sending, with the number of this attempt (1 for the first). */
    record Claim(Alert alert, int attempt) {
    }

    /** Takes the next pending alert due for an attempt, marking it SENDING so no other sender takes it. */
    Optional<Claim> claimNext(Instant now);

    void markSent(String alertId, Instant at);

    void markFailed(String alertId, String error, Instant retryAt, boolean giveUp);

    List<StoredAlert> recent(int limit);
}
