package org.waypoint.notification.alert.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.waypoint.notification.AlertFixture;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.AlertStatus;

/** The dispatcher's rules against the real alert store on the MongoDB-compatible server, and a mail server that can fail. */
class DispatchingAlertsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2022-04-01T08:00:00Z"));
    private final NotificationProperties settings = DispatchFixture.sending(3, Duration.ofSeconds(5), Duration.ofSeconds(12));
    private final DispatchFixture fixture = new DispatchFixture("dispatch-test", settings, clock);
    private final DispatchFixture.Instance instance = fixture.instance();
    private final MongoTemplate template = instance.template();
    private final AlertStore store = instance.store();
    private final List<String> delivered = new ArrayList<>();
    private final List<DeadLetters.DeadLetter> dead = fixture.deadLettered();
    private boolean mailServerDown;
    private final java.util.Set<String> refusedRecipients = new java.util.HashSet<>();
    private final AlertSender sender = alert -> {
        if (mailServerDown) {
            throw new IllegalStateException("connection refused");
        }
        if (refusedRecipients.contains(alert.recipientEmail())) {
            throw new IllegalStateException("550 mailbox unavailable");
        }
        delivered.add(alert.recipientEmail());
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DispatchingAlerts dispatching = instance.dispatcher(sender, meters);

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aPendingAlertIsSentOnceAcrossPasses() {
        store.addIfNew(alert("a-1", "jamie.wilson@waypoint.example"), AlertStatus.PENDING);

        assertThat(dispatching.dispatchPending()).isEqualTo(1);
        assertThat(dispatching.dispatchPending()).isZero();
        assertThat(delivered).containsExactly("jamie.wilson@waypoint.example");
        assertThat(store.byId("a-1").orElseThrow().status()).isEqualTo(AlertStatus.SENT);
        assertThat(meters.counter("waypoint.notifications.sent").count()).isEqualTo(1);
    }

    @Test
    void anAlertRaisedTwiceIsStoredOnceAndAHeldOneWaitsForTheDigest() {
        assertThat(store.addIfNew(alert("a-1", "jamie.wilson@waypoint.example"), AlertStatus.PENDING)).isTrue();
        assertThat(store.addIfNew(alert("a-1", "jamie.wilson@waypoint.example"), AlertStatus.PENDING)).isFalse();
        store.addIfNew(alert("a-2", "sarah.campbell@waypoint.example"), AlertStatus.HELD);
        dispatching.dispatchPending();
        assertThat(delivered).containsExactly("jamie.wilson@waypoint.example");
    }

    @Test
    void failedSendsAreRetriedWithGrowingDelaysThenDeadLettered() {
        store.addIfNew(alert("a-1", "jamie.wilson@waypoint.example"), AlertStatus.PENDING);
        mailServerDown = true;

        dispatching.dispatchPending();
        assertThat(store.byId("a-1").orElseThrow().status()).isEqualTo(AlertStatus.PENDING);
        assertThat(dispatching.dispatchPending()).isZero(); // not due yet: 5 s
        assertThat(store.byId("a-1").orElseThrow().attempts()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        dispatching.dispatchPending();
        clock.advance(Duration.ofSeconds(9));
        dispatching.dispatchPending();
        assertThat(store.byId("a-1").orElseThrow().attempts()).isEqualTo(1 + 1); // 10 s after the second failure
        clock.advance(Duration.ofSeconds(1));
        dispatching.dispatchPending();

        StoredAlert failed = store.byId("a-1").orElseThrow();
        assertThat(failed.status()).isEqualTo(AlertStatus.FAILED);
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).contains("connection refused");
        assertThat(dead).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(DeadLetters.Kind.UNDELIVERABLE_ALERT);
            assertThat(d.alertId()).isEqualTo("a-1");
        });
        assertThat(meters.counter("waypoint.notifications.failed").count()).isEqualTo(3);
        assertThat(meters.counter("waypoint.notifications.retried").count()).isEqualTo(2);

        mailServerDown = false;
        assertThat(store.requeue("a-1", clock.instant())).isTrue();
        assertThat(dispatching.dispatchPending()).isEqualTo(1);
        assertThat(store.requeue("a-1", clock.instant())).as("only a failed alert is requeued").isFalse();
        assertThat(delivered).containsExactly("jamie.wilson@waypoint.example");
    }

    @Test
    void aBatchMarksWhatTheMailServerAcceptedAsSentAndRetriesOnlyWhatItRefused() {
        for (int i = 1; i <= 5; i++) {
            store.addIfNew(alert("a-" + i, "person" + i + "@waypoint.example"), AlertStatus.PENDING);
        }
        refusedRecipients.add("person3@waypoint.example");

        DispatchingAlerts.Pass pass = dispatching.dispatchBatch(10);

        assertThat(pass).isEqualTo(new DispatchingAlerts.Pass(5, 4, 1));
        assertThat(delivered).containsExactly("person1@waypoint.example", "person2@waypoint.example",
                "person4@waypoint.example", "person5@waypoint.example");
        StoredAlert refused = store.byId("a-3").orElseThrow();
        assertThat(refused.status()).isEqualTo(AlertStatus.PENDING);
        assertThat(refused.lastError()).contains("550 mailbox unavailable");
        assertThat(store.byId("a-4").orElseThrow().status()).isEqualTo(AlertStatus.SENT);
        assertThat(dispatching.dispatchBatch(10).claimed()).as("not due before its backoff").isZero();

        refusedRecipients.clear();
        clock.advance(Duration.ofSeconds(5));
        assertThat(dispatching.dispatchPending()).isEqualTo(1);
        assertThat(delivered).hasSize(5).doesNotHaveDuplicates();
        assertThat(store.byId("a-3").orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void oldestDueAlertsGoFirstAndABatchTakesNoMoreThanAsked() {
        for (int i = 1; i <= 5; i++) {
            store.addIfNew(alert("a-" + i, "person" + i + "@waypoint.example"), AlertStatus.PENDING);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(dispatching.dispatchBatch(2).sent()).isEqualTo(2);
        assertThat(delivered).containsExactly("person1@waypoint.example", "person2@waypoint.example");
        assertThat(dispatching.dispatchPending(2)).isEqualTo(3);
        assertThat(delivered).hasSize(5);
    }

    @Test
    void aPendingAlertLeftOutOfTheSendQueueIsPutBackAndAStaleEntryIsDropped() {
        store.addIfNew(alert("a-1", "jamie.wilson@waypoint.example"), AlertStatus.PENDING);
        store.addIfNew(alert("a-2", "sarah.campbell@waypoint.example"), AlertStatus.PENDING);
        assertThat(dispatching.dispatchPending()).isEqualTo(2);
        // As after a crash between recording an alert and queueing it, and a queue entry whose alert went out already.
        template.getCollection("alerts").updateOne(new org.bson.Document("_id", "a-1"),
                new org.bson.Document("$set", new org.bson.Document("status", "PENDING")));
        template.insert(new org.bson.Document("_id", "a-2").append("due", java.util.Date.from(clock.instant())), "alert_queue");

        assertThat(dispatching.dispatchPending()).as("only the stale entry is found: dropped, nothing sent").isZero();
        assertThat(template.getCollection("alert_queue").countDocuments()).isZero();
        assertThat(dispatching.restoreQueue()).isEqualTo(1);
        assertThat(dispatching.restoreQueue()).as("already queued").isZero();
        assertThat(dispatching.dispatchPending()).isEqualTo(1);
        assertThat(delivered).containsExactly("jamie.wilson@waypoint.example", "sarah.campbell@waypoint.example",
                "jamie.wilson@waypoint.example");
    }

    @Test
    void aPendingAlertIsClaimedThroughAUniqueIndexOnIdAndStatusSoClaimsDoNotScanEveryAlert() {
        assertThat(template.indexOps("alerts").getIndexInfo()).anySatisfy(index -> {
            assertThat(index.isUnique()).isTrue();
            assertThat(index.getIndexFields()).extracting(f -> f.getKey()).containsExactly("_id", "status");
        });
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        assertThat(List.of(1, 2, 3, 4, 10).stream().map(settings::sendBackoffFor).toList()).containsExactly(
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(12), Duration.ofSeconds(12), Duration.ofSeconds(12));
    }

    /** To {@code to}, about action-1, raised now. */
    private Alert alert(String id, String to) {
        return AlertFixture.alert(id).to(to).aboutAction("1").raisedAt(clock.instant()).build();
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
