package org.waypoint.notification.alert.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.waypoint.notification.AlertFixture;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.AlertStatus;

/**
 * What happens to alerts a sender had claimed when it dies or stops (ADR 43), against the real alert
 * store on the MongoDB-compatible server: nothing stays SENDING for ever, only the message being
 * handed over when the sender died is a possible duplicate, and a sender that lost its claim does not
 * send.
 */
class SendingLeaseTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    private final SettableClock clock = new SettableClock(Instant.parse("2022-04-01T08:00:00Z"));
    private final DispatchFixture fixture = new DispatchFixture("lease-test",
            DispatchFixture.sending(5, Duration.ofSeconds(5), Duration.ofSeconds(20)), clock);
    private final DispatchFixture.Instance dead = fixture.instance();
    private final DispatchFixture.Instance restarted = fixture.instance();
    private final List<String> delivered = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        fixture.close();
    }

    /** A sender that dies (nothing after it runs) once the mail server has accepted {@code acceptedBeforeDying} messages. */
    private AlertSender dyingAfter(int acceptedBeforeDying) {
        return new AlertSender() {
            @Override
            public void send(Alert alert) {
                delivered.add(alert.id());
            }

            @Override
            public void sendEach(List<Alert> alerts, Delivery delivery) {
                int accepted = 0;
                for (Alert alert : alerts) {
                    if (!delivery.sending(alert)) {
                        continue;
                    }
                    send(alert);
                    if (++accepted == acceptedBeforeDying) {
                        throw new ProcessKilled(); // accepted by the mail server; the sender never hears of it
                    }
                    delivery.accepted(alert);
                }
            }
        };
    }

    private static final class ProcessKilled extends Error {
    }

    private void raise(int n) {
        for (int i = 1; i <= n; i++) {
            dead.store().addIfNew(alert("a-" + i), AlertStatus.PENDING);
            clock.advance(Duration.ofMillis(1));
        }
    }

    @Test
    void alertsLeftSendingByADeadSenderAreSentByAnotherWhenTheLeaseRunsOutAndOnlyTheOneInFlightIsAPossibleDuplicate() {
        raise(5);
        DispatchingAlerts dying = dead.dispatcher(dyingAfter(2), new SimpleMeterRegistry(), LEASE);
        try {
            dying.dispatchBatch(5);
        } catch (ProcessKilled killed) {
            // as kill -9 in the middle of the batch: a-1 sent and recorded, a-2 accepted but not recorded, a-3..a-5 claimed
        }
        assertThat(delivered).containsExactly("a-1", "a-2");
        assertThat(dead.store().byId("a-1").orElseThrow().status()).isEqualTo(AlertStatus.SENT);
        assertThat(List.of("a-2", "a-3", "a-4", "a-5")).allSatisfy(id ->
                assertThat(dead.store().byId(id).orElseThrow().status()).isEqualTo(AlertStatus.SENDING));

        DispatchingAlerts after = restarted.dispatcher(alert -> delivered.add(alert.id()), meters, LEASE);
        clock.advance(LEASE.minusSeconds(1));
        assertThat(after.dispatchPending()).as("not before the lease runs out").isZero();
        clock.advance(Duration.ofSeconds(2));
        assertThat(after.dispatchPending()).isEqualTo(4);

        assertThat(delivered).containsExactlyInAnyOrder("a-1", "a-2", "a-2", "a-3", "a-4", "a-5");
        for (int i = 1; i <= 5; i++) {
            assertThat(restarted.store().byId("a-" + i).orElseThrow().status()).isEqualTo(AlertStatus.SENT);
        }
        StoredAlert doubled = restarted.store().byId("a-2").orElseThrow();
        assertThat(doubled.possibleDuplicate()).isTrue();
        assertThat(doubled.attempts()).isEqualTo(2);
        assertThat(restarted.store().byId("a-3").orElseThrow().possibleDuplicate())
                .as("claimed but never handed to the mail server: certainly not a duplicate").isFalse();
        assertThat(meters.counter("waypoint.notifications.possible.duplicates").count()).isEqualTo(1);
        assertThat(restarted.store().search(new DeliveryLog.Filter(null, null, null, null, null, true), 0, 10).items())
                .extracting(s -> s.alert().id()).containsExactly("a-2");
        assertThat(restarted.template().getCollection("alert_queue").countDocuments()).isZero();
    }

    @Test
    void anAlertTakenByASenderThatDiedBeforeItsQueueEntryBecameTheLeaseIsSentWhenTheLeaseRunsOut() {
        raise(1);
        // kill -9 between the claim's two writes: the alert is SENDING under the dead sender's claim, and its queue
        // entry is still the one it was raised with (no claim, due at once), as the fault suite found 16 alerts left
        dead.template().getCollection("alerts").updateOne(new Document("_id", "a-1"), new Document("$set",
                new Document("status", "SENDING").append("claim", "dead-claim").append("claimedAt", Date.from(clock.instant()))
                        .append("leaseUntil", Date.from(clock.instant().plus(LEASE))).append("attempts", 1)));
        DispatchingAlerts after = restarted.dispatcher(alert -> delivered.add(alert.id()), meters, LEASE);

        clock.advance(Duration.ofSeconds(1));
        assertThat(after.dispatchPending()).as("not while the dead sender's lease holds").isZero();
        assertThat(restarted.template().getCollection("alert_queue").countDocuments())
                .as("the entry is kept, as the dead claim's lease").isEqualTo(1);
        clock.advance(LEASE);
        assertThat(after.dispatchPending()).isEqualTo(1);

        assertThat(delivered).containsExactly("a-1");
        assertThat(restarted.store().byId("a-1").orElseThrow().status()).isEqualTo(AlertStatus.SENT);
        assertThat(restarted.template().getCollection("alert_queue").countDocuments()).isZero();
    }

    @Test
    void aSenderWhoseLeaseRanOutAndWasTakenOverDoesNotSendWhatIsNoLongerItsOwn() {
        raise(2);
        List<SendQueue.Claim> slow = dead.store().claim(clock.instant(), 2, LEASE); // a sender that stalls for longer than the lease
        clock.advance(LEASE.plusSeconds(1));
        DispatchingAlerts other = restarted.dispatcher(alert -> delivered.add("other:" + alert.id()), meters, LEASE);
        assertThat(other.dispatchPending()).isEqualTo(2);

        assertThat(dead.store().markInFlight(slow.getFirst(), clock.instant(), LEASE))
                .as("the stalled sender learns, before sending, that the alert is not its own any more").isFalse();
        assertThat(delivered).containsExactlyInAnyOrder("other:a-1", "other:a-2");
        assertThat(meters.counter("waypoint.notifications.possible.duplicates").count()).isZero();
        dead.store().markFailed(slow.getFirst(), "late", clock.instant(), false, false);
        assertThat(dead.store().byId("a-1").orElseThrow().status()).as("its late failure changes nothing").isEqualTo(AlertStatus.SENT);
    }

    @Test
    void aSenderStillAtWorkRenewsItsLeaseAsEachMessageBeginsSoItsAlertIsNotTakenOver() {
        raise(1);
        List<SendQueue.Claim> claims = dead.store().claim(clock.instant(), 1, LEASE);
        clock.advance(LEASE.minusSeconds(1));
        assertThat(dead.store().markInFlight(claims.getFirst(), clock.instant(), LEASE)).isTrue();
        clock.advance(Duration.ofSeconds(5)); // past the first lease, within the renewed one

        assertThat(restarted.store().claim(clock.instant(), 5, LEASE)).isEmpty();
        dead.store().markSent("a-1", clock.instant());
        clock.advance(LEASE.multipliedBy(2));
        assertThat(restarted.store().claim(clock.instant(), 5, LEASE)).isEmpty();
        assertThat(restarted.template().getCollection("alert_queue").countDocuments()).as("the stale lease entry was dropped").isZero();
    }

    @Test
    void aSenderThatStopsFinishesTheMessageInHandAndGivesTheRestOfItsBatchBackUncounted() {
        raise(4);
        boolean[] running = {true};
        DispatchingAlerts stopping = dead.dispatcher(alert -> {
            delivered.add(alert.id());
            running[0] = false; // the service is told to stop while the first message is being sent
        }, meters, LEASE);

        DispatchingAlerts.Pass pass = stopping.dispatchBatch(4, () -> running[0]);

        assertThat(pass).isEqualTo(new DispatchingAlerts.Pass(4, 1, 0));
        assertThat(delivered).containsExactly("a-1");
        StoredAlert given = dead.store().byId("a-2").orElseThrow();
        assertThat(given.status()).isEqualTo(AlertStatus.PENDING);
        assertThat(given.attempts()).isZero();
        assertThat(restarted.dispatcher(alert -> delivered.add(alert.id()), meters, LEASE).dispatchPending())
                .as("sent at once by the next sender, not after the lease").isEqualTo(3);
        assertThat(delivered).containsExactly("a-1", "a-2", "a-3", "a-4");
    }

    @Test
    void aSendWhoseConnectionBrokeBeforeTheServerAnsweredIsRetriedAsAPossibleDuplicate() {
        raise(2);
        DispatchingAlerts broken = dead.dispatcher(new AlertSender() {
            @Override
            public void send(Alert alert) {
            }

            @Override
            public void sendEach(List<Alert> alerts, Delivery delivery) {
                delivery.sending(alerts.get(0));
                delivery.refused(alerts.get(0), new IllegalStateException("Read timed out"), true);
                delivery.refused(alerts.get(1), new IllegalStateException("never tried"), false);
            }
        }, meters, LEASE);
        assertThat(broken.dispatchBatch(2).failed()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(5));

        assertThat(restarted.dispatcher(alert -> delivered.add(alert.id()), meters, LEASE).dispatchPending()).isEqualTo(2);

        assertThat(restarted.store().byId("a-1").orElseThrow().possibleDuplicate()).isTrue();
        assertThat(restarted.store().byId("a-2").orElseThrow().possibleDuplicate()).isFalse();
        assertThat(meters.counter("waypoint.notifications.possible.duplicates").count()).isEqualTo(1);
    }

    @Test
    void alertsLeftSendingBeforeLeasesExistedAreSentAgainAndCountedAsPossibleDuplicates() {
        raise(1);
        // as ADR 42 left them: SENDING with a claim and no lease, no queue entry
        dead.template().getCollection("alerts").updateOne(new Document("_id", "a-1"), new Document("$set",
                new Document("status", "SENDING").append("claim", "old-claim").append("claimedAt", Date.from(clock.instant()))
                        .append("attempts", 1)));
        dead.template().getCollection("alert_queue").deleteMany(new Document());

        assertThat(restarted.store().restoreQueue(clock.instant())).isEqualTo(1);
        DispatchingAlerts after = restarted.dispatcher(alert -> delivered.add(alert.id()), meters, LEASE);
        assertThat(after.dispatchPending()).isZero();
        clock.advance(SendQueue.DEFAULT_LEASE.plusSeconds(1));
        assertThat(after.dispatchPending()).isEqualTo(1);

        assertThat(delivered).containsExactly("a-1");
        assertThat(restarted.store().byId("a-1").orElseThrow().possibleDuplicate()).isTrue();
        assertThat(meters.counter("waypoint.notifications.possible.duplicates").count()).isEqualTo(1);
    }

    private Alert alert(String id) {
        return AlertFixture.alert(id).raisedAt(clock.instant()).build();
    }

    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
