package org.waypoint.notification.alert.application;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** An event to record. */
    record NewEntry(String eventId, String topic, String type, String payload) {
    }

    /** Records a new event as PROCESSING (attempt 1) until {@code leaseUntil}. @return false when it was seen before */
    boolean addIfNew(String eventId, String topic, String type, String payload, Instant now, Instant leaseUntil);

    /**
     * Records several events as {@link #addIfNew} does, in one write where the store allows.
     *
     * @return the ids that were new (an id given twice is new once)
     */
    default Set<String> addAllIfNew(List<NewEntry> entries, Instant now, Instant leaseUntil) {
        Set<String> added = new LinkedHashSet<>();
        for (NewEntry e : entries) {
            if (!added.contains(e.eventId()) && addIfNew(e.eventId(), e.topic(), e.type(), e.payload(), now, leaseUntil)) {
                added.add(e.eventId());
            }
        }
        return added;
    }

    /** Takes the next WAITING (or abandoned PROCESSING) entry due now, leasing it until {@code leaseUntil}. */
    Optional<Entry> claimDue(Instant now, Instant leaseUntil);

    void markDone(String eventId, Instant at);

    /** {@link #markDone} for several events, in one write where the store allows. */
    default void markAllDone(Collection<String> eventIds, Instant at) {
        eventIds.forEach(id -> markDone(id, at));
    }

    void markWaiting(String eventId, String reason, Instant retryAt);

    void markDead(String eventId, String reason);

    /** Puts an event back for processing (a replayed dead letter), with this payload. */
    void reopen(String eventId, String topic, String type, String payload, Instant now, Instant leaseUntil);

    List<Entry> list(Status status, int limit);

    long count(Status status);
}
