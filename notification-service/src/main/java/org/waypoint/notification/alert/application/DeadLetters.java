package org.waypoint.notification.alert.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What could not be delivered: poison events and alerts the mail server refused too often. Each
 * is stored for the list/replay API and published to {@code waypoint.notifications.dlq.v1}.
 */
public interface DeadLetters {

    enum Kind { POISON_EVENT, UNDELIVERABLE_ALERT }

    enum Status { DEAD, REPLAYED }

    record DeadLetter(String id, Kind kind, Status status, String reason, int attempts, String sourceTopic,
                      String sourceEventId, String sourceEventType, String payload, String alertId, String recipientEmail,
                      Instant deadAt, Instant replayedAt, String replayedBy) {
    }

    /** Stores it and, in the same write, the event announcing it on the dead-letter topic. */
    void add(DeadLetter deadLetter);

    List<DeadLetter> list(Status status, int page, int size);

    long count(Status status);

    Optional<DeadLetter> byId(String id);

    /** @return false when it was replayed already */
    boolean markReplayed(String id, String by, Instant at);
}
