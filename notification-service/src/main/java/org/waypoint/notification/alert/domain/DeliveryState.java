package org.waypoint.notification.alert.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An alert's delivery lifecycle (ADR 43). Immutable: every move returns the state after it, and a move its
 * status does not allow is refused.
 * <pre>
 *   raised ──▶ PENDING ──claimed──▶ SENDING ──handedOver──▶ SENDING (in flight) ──accepted──▶ SENT
 *                 ▲                   │  ▲                        │
 *                 ├──released─────────┘  └─claimed (lease ran out: taken over; in flight: a possible duplicate)
 *                 ├──refused (attempts left)◀─────────────────────┤
 *                 └──replayed── FAILED ◀──refused (last attempt)──┘
 *   raised ──▶ HELD ──digested──▶ DIGESTED
 * </pre>
 * A claim counts an attempt; a claim that finds the previous send still in flight (its sender died, or the
 * SMTP conversation broke, while the message was being handed over) makes this send a possible duplicate and
 * counts it. What the mail server accepted stays accepted: {@code accepted} is allowed whoever holds the alert.
 *
 * @param attempts           the attempts counted so far (a claim counts one; a release gives it back)
 * @param inFlight           its message was being handed to the mail server, the outcome not yet known
 * @param possibleDuplicates how many of its sends may have repeated one the mail server had accepted
 * @param sentAt             when the mail server accepted it
 * @param lastError          why the last attempt failed
 * @param digestId           the digest it went out in
 */
public record DeliveryState(AlertStatus status, int attempts, boolean inFlight, int possibleDuplicates, Instant sentAt,
                            String lastError, String digestId) {

    public DeliveryState {
        Objects.requireNonNull(status, "status");
        if (attempts < 0 || possibleDuplicates < 0) {
            throw new IllegalArgumentException("attempts and possibleDuplicates cannot be negative");
        }
    }

    /** A newly raised alert: to send ({@code PENDING}), or held for the digest ({@code HELD}); no attempt yet. */
    public static DeliveryState raised(AlertStatus initial) {
        return new DeliveryState(initial, 0, false, 0, null, null, null);
    }

    /** Taken for sending: pending, or left sending by a sender whose lease ran out (taken over). */
    public DeliveryState claimed() {
        require("claimed", AlertStatus.PENDING, AlertStatus.SENDING);
        return new DeliveryState(AlertStatus.SENDING, attempts + 1, false, inFlight ? possibleDuplicates + 1 : possibleDuplicates,
                sentAt, lastError, digestId);
    }

    /** Its message is about to be handed to the mail server: from now the outcome is unknown until it answers. */
    public DeliveryState handedOver() {
        require("handed over", AlertStatus.SENDING);
        return new DeliveryState(status, attempts, true, possibleDuplicates, sentAt, lastError, digestId);
    }

    /** The mail server accepted it. */
    public DeliveryState accepted(Instant at) {
        return new DeliveryState(AlertStatus.SENT, attempts, false, possibleDuplicates, Objects.requireNonNull(at, "at"),
                null, digestId);
    }

    /**
     * The mail server refused it, or the conversation broke: retried later while attempts remain, given up on
     * ({@code FAILED}, to dead-letter) after the {@code maxAttempts}-th.
     *
     * @param outcomeUnknown the conversation broke before the server answered: the next attempt is a possible duplicate
     */
    public DeliveryState refused(String error, int maxAttempts, boolean outcomeUnknown) {
        require("refused", AlertStatus.SENDING);
        return new DeliveryState(attempts >= maxAttempts ? AlertStatus.FAILED : AlertStatus.PENDING, attempts, outcomeUnknown,
                possibleDuplicates, sentAt, error, digestId);
    }

    /** Given back by a sender stopping before it handed the message over: pending again, this attempt not counted. */
    public DeliveryState released() {
        require("released", AlertStatus.SENDING);
        return new DeliveryState(AlertStatus.PENDING, Math.max(0, attempts - 1), inFlight, possibleDuplicates, sentAt, lastError,
                digestId);
    }

    /** A given-up alert replayed from the dead letters: pending again with a fresh count of attempts. */
    public DeliveryState replayed() {
        require("replayed", AlertStatus.FAILED);
        return new DeliveryState(AlertStatus.PENDING, 0, inFlight, possibleDuplicates, sentAt, lastError, digestId);
    }

    /** A held alert that went out in the digest {@code digestId}. */
    public DeliveryState digested(String digestId) {
        require("digested", AlertStatus.HELD);
        return new DeliveryState(AlertStatus.DIGESTED, attempts, inFlight, possibleDuplicates, sentAt, lastError,
                Objects.requireNonNull(digestId, "digestId"));
    }

    /** Whether any send of it may have repeated one the mail server had accepted. */
    public boolean possibleDuplicate() {
        return possibleDuplicates > 0;
    }

    /** Given up on: the mail server did not accept it in the attempts allowed. */
    public boolean givenUp() {
        return status == AlertStatus.FAILED;
    }

    private void require(String move, AlertStatus... allowed) {
        if (!Set.of(allowed).contains(status)) {
            throw new IllegalStateException("an alert " + status + " cannot be " + move);
        }
    }
}
