package org.waypoint.notification.alert.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every event a rule cares about, stored under its CloudEvent id before it is processed: the same
 * event delivered twice is recognised here, and an event that cannot be processed yet (directory
 * down) waits here and is tried again instead of being lost.
 */
public interface EventInbox {

    /** PROCESSING: being turned into alerts (or was, by an instance that died: retried after its lease); WAITING: to retry; DONE; DEAD: dead-lettered. */
    enum Status { PROCESSING, WAITING, DONE, DEAD }

    record Entry(String eventId, String topic, String type, String payload, Status status, int attempts,
                 Instant receivedAt, Instant nextAttemptAt, String lastError) {
    }

    /** Records a new event as PROCESSING (attempt 1) until {@code leaseUntil}. @return false when it was seen before */
    boolean addIfNew(String eventId, String topic, String type, String payload, Instant now, Instant leaseUntil);

    /** Takes the next WAITING (or abandoned PROCESSING) entry due now, leasing it until {@code leaseUntil}. */
    Optional<Entry> claimDue(Instant now, Instant leaseUntil);

    void markDone(String eventId, Instant at);

    void markWaiting(String eventId, String reason, Instant retryAt);

    void markDead(String eventId, String reason);

    /** Puts an event back for processing (a replayed dead letter), with this payload. */
    void reopen(String eventId, String topic, String type, String payload, Instant now, Instant leaseUntil);

    List<Entry> list(Status status, int limit);

    long count(Status status);
}
