package org.waypoint.notification.alert.domain;

/**
 * Where an alert stands (ADR 43): {@code PENDING} to send; {@code SENDING} claimed by a sender under a lease;
 * {@code SENT} accepted by the mail server; {@code FAILED} given up on after the last attempt (dead-lettered);
 * {@code HELD} for the daily digest; {@code DIGESTED} gone out in one. See {@link DeliveryState} for the moves
 * between them.
 */
public enum AlertStatus {
    PENDING, SENDING, SENT, FAILED, HELD, DIGESTED
}
