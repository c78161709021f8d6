package org.waypoint.notification.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The alert's delivery lifecycle of ADR 43, move by move. */
class DeliveryStateTest {

    private static final Instant NOW = Instant.parse("2022-04-01T08:00:00Z");
    private static final int MAX_ATTEMPTS = 3;

    private static DeliveryState state(AlertStatus status, int attempts, boolean inFlight, int possibleDuplicates) {
        return new DeliveryState(status, attempts, inFlight, possibleDuplicates, null, null, null);
    }

    private static UnaryOperator<DeliveryState> move(String name) {
        return switch (name) {
            case "claimed" -> DeliveryState::claimed;
            case "handedOver" -> DeliveryState::handedOver;
            case "accepted" -> s -> s.accepted(NOW);
            case "refused" -> s -> s.refused("550 mailbox unavailable", MAX_ATTEMPTS, false);
            case "brokeOff" -> s -> s.refused("connection reset", MAX_ATTEMPTS, true);
            case "released" -> DeliveryState::released;
            case "replayed" -> DeliveryState::replayed;
            case "digested" -> s -> s.digested("digest:jamie@waypoint.example:2022-04-01");
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0}, {1} attempt(s), in flight {2}, {3} duplicate(s): {4} -> {5}, {6} attempt(s), in flight {7}, {8} duplicate(s)")
    @CsvSource({
            // status   attempts inFlight dups  move        -> status  attempts inFlight dups
            "PENDING,   0,       false,   0,    claimed,    SENDING,   1,       false,   0",
            "SENDING,   1,       false,   0,    claimed,    SENDING,   2,       false,   0",   // lease ran out before sending: taken over, not counted
            "SENDING,   1,       true,    0,    claimed,    SENDING,   2,       false,   1",   // its sender died handing it over
            "PENDING,   1,       true,    0,    claimed,    SENDING,   2,       false,   1",   // its conversation broke before the answer
            "SENDING,   1,       false,   0,    handedOver, SENDING,   1,       true,    0",
            "SENDING,   1,       true,    0,    accepted,   SENT,      1,       false,   0",
            "SENDING,   2,       true,    1,    accepted,   SENT,      2,       false,   1",
            "PENDING,   2,       false,   0,    accepted,   SENT,      2,       false,   0",   // what the server accepted stays accepted
            "SENDING,   1,       true,    0,    refused,    PENDING,   1,       false,   0",
            "SENDING,   1,       true,    0,    brokeOff,   PENDING,   1,       true,    0",
            "SENDING,   3,       true,    0,    refused,    FAILED,    3,       false,   0",   // the last attempt: dead-lettered
            "SENDING,   2,       false,   0,    released,   PENDING,   1,       false,   0",
            "FAILED,    3,       false,   0,    replayed,   PENDING,   0,       false,   0",
            "HELD,      0,       false,   0,    digested,   DIGESTED,  0,       false,   0"})
    void eachMoveLeavesTheAlertWhereTheLifecycleSays(AlertStatus status, int attempts, boolean inFlight, int duplicates,
                                                       String move, AlertStatus expectedStatus, int expectedAttempts,
                                                       boolean expectedInFlight, int expectedDuplicates) {
        DeliveryState after = move(move).apply(state(status, attempts, inFlight, duplicates));

        assertThat(after.status()).isEqualTo(expectedStatus);
        assertThat(after.attempts()).isEqualTo(expectedAttempts);
        assertThat(after.inFlight()).isEqualTo(expectedInFlight);
        assertThat(after.possibleDuplicates()).isEqualTo(expectedDuplicates);
        assertThat(after.possibleDuplicate()).isEqualTo(expectedDuplicates > 0);
        assertThat(after.givenUp()).isEqualTo(expectedStatus == AlertStatus.FAILED);
    }

    @ParameterizedTest(name = "an alert {0} cannot be {1}")
    @CsvSource({
            "SENT,     claimed", "FAILED,   claimed", "HELD,     claimed", "DIGESTED, claimed",
            "PENDING,  handedOver", "SENT,     handedOver",
            "PENDING,  refused", "SENT,     refused", "FAILED,   refused",
            "PENDING,  released", "SENT,     released",
            "PENDING,  replayed", "SENT,     replayed",
            "PENDING,  digested", "DIGESTED, digested"})
    void aMoveItsStatusDoesNotAllowIsRefused(AlertStatus status, String move) {
        assertThatThrownBy(() -> move(move).apply(state(status, 1, false, 0)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(status.name());
    }

    @Test
    void aSendCutShortByACrashIsResentOnceAsACountedPossibleDuplicate() {
        DeliveryState handedOver = DeliveryState.raised(AlertStatus.PENDING).claimed().handedOver();

        DeliveryState resent = handedOver.claimed().handedOver().accepted(NOW); // the lease ran out; the next sender takes it

        assertThat(resent).isEqualTo(new DeliveryState(AlertStatus.SENT, 2, false, 1, NOW, null, null));
    }

    @Test
    void aRefusalKeepsItsErrorUntilTheMailServerAcceptsIt() {
        DeliveryState refused = DeliveryState.raised(AlertStatus.PENDING).claimed().handedOver()
                .refused("550 mailbox unavailable", MAX_ATTEMPTS, false);
        assertThat(refused.lastError()).isEqualTo("550 mailbox unavailable");

        DeliveryState sent = refused.claimed().handedOver().accepted(NOW);
        assertThat(sent.lastError()).isNull();
        assertThat(sent.sentAt()).isEqualTo(NOW);
        assertThat(sent.possibleDuplicate()).as("it was refused, never in doubt").isFalse();
    }

    @Test
    void aHeldAlertGoesOutInItsDigestAndIsNeverSentOnItsOwn() {
        DeliveryState held = DeliveryState.raised(AlertStatus.HELD);

        assertThat(held.digested("digest-1")).satisfies(d -> {
            assertThat(d.status()).isEqualTo(AlertStatus.DIGESTED);
            assertThat(d.digestId()).isEqualTo("digest-1");
        });
        assertThatThrownBy(held::claimed).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void countsCannotBeNegative() {
        assertThatThrownBy(() -> state(AlertStatus.PENDING, -1, false, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> state(AlertStatus.PENDING, 0, false, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
