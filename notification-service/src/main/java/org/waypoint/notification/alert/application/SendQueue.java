package org.waypoint.notification.alert.application;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.DeliveryState;

/**
 * Port: the alerts waiting to be sent, and what happens to each as it is sent (ADR 43). An alert is claimed
 * under a lease, marked in flight just before its message is handed to the mail server, and marked sent as
 * soon as the server accepted it; a refusal is a failed attempt of that alert alone. Each call moves the
 * alert as {@link DeliveryState} says, atomically and conditionally on the claim where another sender may
 * have taken it over.
 */
public interface SendQueue {

    /** How long a claim holds an alert when the caller does not say: the default of {@code waypoint.mail.sending-lease} (ADR 43). */
    Duration DEFAULT_LEASE = Duration.ofMinutes(1);

    /**
     * An alert taken for sending: its state after the claim (the attempt it counted, {@code attempts}: 1 for
     * the first), the token of the claim (what the sender shows when it records what happened), and whether an
     * earlier attempt may already have been accepted by the mail server (its SMTP conversation had begun when
     * its sender died, or broke before the server answered): this send is then a possible duplicate.
     */
    record Claim(Alert alert, DeliveryState state, String token, boolean possibleDuplicate) {

        /** The number of this attempt, 1 for the first. */
        public int attempt() {
            return state.attempts();
        }
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

    /** Marks alerts as accepted by the mail server (each as soon as it was), whoever holds them now. */
    void markSent(Collection<String> alertIds, Instant at);

    /** Drops the send-queue entries of alerts that were sent (one write for a batch). */
    void dequeue(Collection<String> alertIds);

    /**
     * Records a failed attempt of this claim (nothing happens if another sender took it over meanwhile): due
     * again at {@code retryAt}, or given up on.
     *
     * @param outcomeUnknown the SMTP conversation broke before the server answered: it may have accepted the
     *                       message, so the next attempt is a possible duplicate
     */
    void markFailed(Claim claim, String error, Instant retryAt, boolean giveUp, boolean outcomeUnknown);

    /** Gives a claimed alert that was never handed to the mail server back to the queue, due now, its attempt not counted (a sender stopping). */
    void release(Claim claim, Instant now);

    /** Puts a given-up alert back in the queue with a fresh count of attempts (a replayed dead letter). */
    boolean requeue(String alertId, Instant now);

    /**
     * Puts back into the send queue every PENDING alert missing from it (one left out by a crash
     * between recording an alert and queueing it). Harmless to run at any time: a queue entry is
     * only a hint, each alert is still claimed atomically. @return how many were put back
     */
    int restoreQueue(Instant now);
}
