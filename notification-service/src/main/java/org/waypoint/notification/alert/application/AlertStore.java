package org.waypoint.notification.alert.application;

import java.time.Duration;
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

    /**
     * @param possibleDuplicates how many of its sends may have repeated an earlier one the mail server had
     *                           accepted (a resend after its sender died, or after the SMTP conversation broke,
     *                           in the middle of that message)
     */
    record StoredAlert(Alert alert, Status status, int attempts, Instant sentAt, String lastError, Instant readAt,
                       String digestId, int possibleDuplicates) {
        public StoredAlert(Alert alert, Status status, int attempts, Instant sentAt, String lastError, Instant readAt,
                           String digestId) {
            this(alert, status, attempts, sentAt, lastError, readAt, digestId, 0);
        }

        public boolean read() {
            return readAt != null;
        }

        public boolean possibleDuplicate() {
            return possibleDuplicates > 0;
        }
    }

    /** How long a claim holds an alert when the caller does not say (ADR 43). */
    Duration DEFAULT_LEASE = Duration.ofMinutes(5);

    /**
     * An alert taken for sending: the number of this attempt (1 for the first), the token of the claim
     * (what the sender shows when it records what happened), and whether an earlier attempt may already
     * have been accepted by the mail server (its SMTP conversation had begun when its sender died, or
     * broke before the server answered): this send is then a possible duplicate.
     */
    record Claim(Alert alert, int attempt, String token, boolean possibleDuplicate) {
        public Claim(Alert alert, int attempt) {
            this(alert, attempt, null, false);
        }
    }

    /** What the delivery log is filtered by (nulls: any). */
    record Filter(Status status, String rule, String recipient, Instant from, Instant to, Boolean possibleDuplicate) {
        public Filter(Status status, String rule, String recipient, Instant from, Instant to) {
            this(status, rule, recipient, from, to, null);
        }
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

    /** {@link #claim(Instant, int, Duration)} with the {@link #DEFAULT_LEASE}. */
    default List<Claim> claim(Instant now, int max) {
        return claim(now, max, DEFAULT_LEASE);
    }

    /**
     * Takes up to {@code max} alerts due for an attempt (oldest due first), each marked SENDING under a
     * claim of its own token atomically, so that of two senders asking at once (in this process or
     * another) only one gets any one alert. Pending alerts are due at their next attempt; alerts left
     * SENDING (their sender died) are due again when their lease has run out, and are then taken over.
     *
     * @param lease how long the claim holds each alert before another sender may take it over
     */
    List<Claim> claim(Instant now, int max, Duration lease);

    /**
     * Records, just before its message is handed to the mail server, that the claimed alert's SMTP
     * conversation begins (from now its outcome is unknown until {@link #markSent} or {@link #markFailed}),
     * and renews its lease.
     *
     * @return false if the claim is no longer this sender's (its lease ran out and another took it over): then it must not be sent
     */
    boolean markInFlight(Claim claim, Instant now, Duration lease);

    default void markSent(String alertId, Instant at) {
        markSent(List.of(alertId), at);
    }

    /** Marks alerts as accepted by the mail server (each as soon as it was). */
    void markSent(Collection<String> alertIds, Instant at);

    /** Drops the send-queue entries of alerts that were sent (one write for a batch). */
    default void dequeue(Collection<String> alertIds) {
    }

    void markFailed(String alertId, String error, Instant retryAt, boolean giveUp);

    /**
     * As {@link #markFailed(String, String, Instant, boolean)}, for this claim only (nothing happens if
     * another sender took it over meanwhile).
     *
     * @param outcomeUnknown the SMTP conversation broke before the server answered: it may have accepted the
     *                       message, so the next attempt is a possible duplicate
     */
    default void markFailed(Claim claim, String error, Instant retryAt, boolean giveUp, boolean outcomeUnknown) {
        markFailed(claim.alert().id(), error, retryAt, giveUp);
    }

    /** Gives a claimed alert that was never handed to the mail server back to the queue, due now, its attempt not counted (a sender stopping). */
    default void release(Claim claim, Instant now) {
    }

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

    /** The most recent alerts about items in these service areas (a manager's view); an empty set: none. */
    List<StoredAlert> recentIn(Set<String> serviceAreas, int limit);

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
