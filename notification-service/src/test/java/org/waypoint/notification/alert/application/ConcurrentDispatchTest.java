package org.waypoint.notification.alert.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.waypoint.notification.AlertFixture;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.AlertStatus;

/**
 * Two service instances (each its own driver, store and dispatcher, each with two workers) sending
 * from the same database on the MongoDB-compatible server, while alerts keep being raised, the
 * send queue is rebuilt over and over, and the mail server refuses some attempts: every alert is
 * accepted by the mail server exactly once.
 */
class ConcurrentDispatchTest {

    private static final int ALERTS = 400;

    private final DispatchFixture race = new DispatchFixture("race",
            DispatchFixture.sending(20, Duration.ofMillis(20), Duration.ofMillis(80)), Clock.systemUTC());
    private final ExecutorService pool = Executors.newFixedThreadPool(6);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        race.close();
    }

    @Test
    void twoInstancesRacingWithTwoWorkersEachSendEveryAlertExactlyOnce() throws Exception {
        DispatchFixture.Instance first = race.instance();
        DispatchFixture.Instance second = race.instance();
        AlertStore firstStore = first.store();
        AlertStore secondStore = second.store();
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger attempts = new AtomicInteger();
        AlertSender flakyMailServer = alert -> {
            if (attempts.incrementAndGet() % 7 == 0) { // every seventh attempt refused: retried later
                throw new IllegalStateException("451 try again later");
            }
            accepted.add(alert.id());
        };
        Clock clock = race.clock();
        List<DeadLetters.DeadLetter> dead = race.deadLettered();
        AtomicInteger sentByFirst = new AtomicInteger();
        AtomicInteger sentBySecond = new AtomicInteger();
        DispatchingAlerts one = first.dispatcher(alert -> {
            flakyMailServer.send(alert);
            sentByFirst.incrementAndGet();
        });
        DispatchingAlerts two = second.dispatcher(alert -> {
            flakyMailServer.send(alert);
            sentBySecond.incrementAndGet();
        });

        for (int i = 0; i < ALERTS / 2; i++) {
            firstStore.addIfNew(alert("a-" + i, clock.instant()), AlertStatus.PENDING);
        }
        AtomicBoolean raising = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        running.add(pool.submit(() -> { // the rest raised while the others send, half through each instance
            go.await();
            for (int i = ALERTS / 2; i < ALERTS; i++) {
                (i % 2 == 0 ? firstStore : secondStore).addIfNew(alert("a-" + i, clock.instant()), AlertStatus.PENDING);
            }
            raising.set(false);
            return null;
        }));
        running.add(pool.submit(() -> { // the queue rebuilt again and again meanwhile: only ever a hint
            go.await();
            while (raising.get() || accepted.size() < ALERTS) {
                secondStore.restoreQueue(clock.instant());
                Thread.sleep(5);
            }
            return null;
        }));
        for (DispatchingAlerts dispatcher : List.of(one, one, two, two)) {
            running.add(pool.submit(() -> {
                go.await();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while ((raising.get() || accepted.size() < ALERTS) && System.nanoTime() < deadline) {
                    if (dispatcher.dispatchBatch(7).claimed() == 0) {
                        Thread.sleep(2);
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : running) {
            f.get(90, TimeUnit.SECONDS);
        }

        assertThat(dead).isEmpty();
        assertThat(accepted).hasSize(ALERTS);
        assertThat(new HashSet<>(accepted)).hasSize(ALERTS);
        assertThat(attempts.get()).as("some attempts were refused and retried").isGreaterThan(ALERTS);
        assertThat(sentByFirst.get()).as("both instances sent").isPositive();
        assertThat(sentBySecond.get()).as("both instances sent").isPositive();
        for (int i = 0; i < ALERTS; i++) {
            assertThat(firstStore.byId("a-" + i).orElseThrow().status()).isEqualTo(AlertStatus.SENT);
        }
        // What is left in the queue can only be lease entries that the queue rebuild put back for alerts it saw
        // SENDING just before they were sent: hints that are dropped when their lease runs out and they are met.
        assertThat(first.template().getCollection("alert_queue").find(new org.bson.Document("claim", null)))
                .as("no entry of a pending alert is left").isEmpty();
        assertThat(firstStore.claim(clock.instant().plus(SendQueue.DEFAULT_LEASE).plusSeconds(1), ALERTS)).isEmpty();
        assertThat(first.template().getCollection("alert_queue").countDocuments()).isZero();
    }

    @Test
    void aClaimedAlertIsNotClaimedAgainByAnotherInstanceEvenFromAStaleQueueEntry() {
        AlertStore firstStore = race.instance().store();
        DispatchFixture.Instance second = race.instance();
        AlertStore secondStore = second.store();
        Instant now = Instant.parse("2022-04-01T08:00:00Z");
        firstStore.addIfNew(alert("a-1", now), AlertStatus.PENDING);

        List<SendQueue.Claim> claimed = firstStore.claim(now, 5);
        secondStore.restoreQueue(now); // cannot know it is being sent: still SENDING, not PENDING
        second.template().getCollection("alert_queue").replaceOne(new org.bson.Document("_id", "a-1"),
                new org.bson.Document("_id", "a-1").append("due", java.util.Date.from(now))); // a stale entry, as if pending

        assertThat(claimed).extracting(c -> c.alert().id()).containsExactly("a-1");
        assertThat(secondStore.claim(now.plusSeconds(1), 5)).isEmpty();
        // The entry is not dropped (that left the alert with no lease entry if its sender then died, as the fault suite
        // found): it becomes the lease of the claim the alert is under, due when that lease runs out.
        org.bson.Document entry = second.template().getCollection("alert_queue").find(new org.bson.Document("_id", "a-1")).first();
        assertThat(entry).isNotNull();
        assertThat(entry.getString("claim")).isEqualTo(claimed.getFirst().token());
        assertThat(entry.getDate("due").toInstant()).isAfter(now.plusSeconds(1));
        firstStore.markSent("a-1", now);
        assertThat(secondStore.claim(now.plusSeconds(2), 5)).isEmpty();
    }

    private static Alert alert(String id, Instant at) {
        return AlertFixture.alert(id).raisedAt(at).build();
    }
}
