package org.waypoint.notification.alert.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.waypoint.notification.alert.domain.Alert;

/** Alerts waiting to be sent, held for a digest, sent or given up on: also each person's in-portal notifications. */
public interface AlertStore {

    /** PENDING: to send; SENDING: claimed; SENT; FAILED: given up (dead-lettered); HELD: for the daily digest; DIGESTED: went out in one. */
    enum Status { PENDING, SENDING, SENT, FAILED, HELD, DIGESTED }

    record StoredAlert(Alert alert, Status status, int attempts, Instant sentAt, String lastError, Instant readAt,
                       String digestId) {
        public boolean read() {
            return readAt != null;
        }
    }

    /** An alert taken for sending, with the number of this attempt (1 for the first). */
    record Claim(Alert alert, int attempt) {
    }

    /** What the delivery log is filtered by (nulls: any). */
    record Filter(Status status, String rule, String recipient, Instant from, Instant to) {
    }

    record Page<T>(List<T> items, long total, int page, int size) {
    }

    /** @return false if an alert with this id exists already (it is never raised twice) */
    boolean addIfNew(Alert alert, Status initial);

    /** An alert to record, PENDING (to send) or HELD (for the digest). */
    record NewAlert(Alert alert, Status initial) {
    }

    /**
     * Records several alerts as {@link #addIfNew} does, in few writes where the store allows.
     *
     * @return the ids of the alerts recorded now; the others existed already (an id given twice is recorded once)
     */
    default Set<String> addAllIfNew(List<NewAlert> alerts) {
        Set<String> added = new java.util.LinkedHashSet<>();
        for (NewAlert a : alerts) {
            if (!added.contains(a.alert().id()) && addIfNew(a.alert(), a.initial())) {
                added.add(a.alert().id());
            }
        }
        return added;
    }

    /** Takes the next pending alert due for an attempt, marking it SENDING so no other sender takes it. */
    default Optional<Claim> claimNext(Instant now) {
        return claim(now, 1).stream().findFirst();
    }

    /**
     * Takes up to {@code max} pending alerts due for an attempt (oldest due first), each marked SENDING
     * atomically, so that of two senders asking at once (in this process or another) only one gets any
     * one alert.
     */
    List<Claim> claim(Instant now, int max);

    default void markSent(String alertId, Instant at) {
        markSent(List.of(alertId), at);
    }

    /** Marks alerts this sender claimed as accepted by the mail server. */
    void markSent(Collection<String> alertIds, Instant at);

    void markFailed(String alertId, String error, Instant retryAt, boolean giveUp);

    /** Puts a given-up alert back in the queue with a fresh count of attempts (a replayed dead letter). */
    boolean requeue(String alertId, Instant now);

    Optional<StoredAlert> byId(String alertId);

    /** Which of these alert ids are recorded already (in one look-up). */
    Set<String> existing(Collection<String> alertIds);

    /**
     * Puts back into the send queue every PENDING alert missing from it (one left out by a crash
     * between recording an alert and queueing it). Harmless to run at any time: a queue entry is
     * only a hint, each alert is still claimed atomically. @return how many were put back
     */
    int restoreQueue(Instant now);

    List<StoredAlert> recent(int limit);

    Page<StoredAlert> search(Filter filter, int page, int size);

    Page<StoredAlert> forRecipient(String username, String email, boolean unreadOnly, int page, int size);

    long unreadCount(String username, String email);

    boolean markRead(String alertId, String username, String email, Instant at);

    long markAllRead(String username, String email, Instant at);

    /** Held alerts raised before {@code before}, oldest first. */
    List<StoredAlert> held(Instant before);

    void markDigested(Collection<String> alertIds, String digestId);

    /** Alerts about items (not digests) raised in [from, to). */
    List<StoredAlert> raisedBetween(Instant from, Instant to);
}
