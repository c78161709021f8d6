package org.waypoint.notification.alert.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.Audience;
import org.waypoint.notification.alert.persistence.MongoAlertStore;
import org.waypoint.notification.alert.persistence.MongoEventInbox;
import org.waypoint.testsupport.InMemoryMongo;

/**
 * Two service instances (each its own driver, store and dispatcher, each with two workers) sending
 * from the same database on the MongoDB-compatible server, while alerts keep being raised, the
 * send queue is rebuilt over and over, and the mail server refuses some attempts: every alert is
 * accepted by the mail server exactly once.
 */
class ConcurrentDispatchTest {

    private static final int ALERTS = 400;

    private final InMemoryMongo mongo = InMemoryMongo.start();
    private final List<MongoClient> clients = new ArrayList<>();
    private final ExecutorService pool = Executors.newFixedThreadPool(6);
    private final NotificationProperties settings = new NotificationProperties(Map.of(), 20, Duration.ofMillis(20),
            Duration.ofMillis(80), 5, Duration.ofSeconds(30), Duration.ofSeconds(5), java.time.LocalTime.of(7, 0), true);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        clients.forEach(MongoClient::close);
        mongo.close();
    }

    private MongoTemplate instance() {
        MongoClient client = MongoClients.create(mongo.uri("race"));
        clients.add(client);
        return new MongoTemplate(client, "race");
    }

    @Test
    void twoInstancesRacingWithTwoWorkersEachSendEveryAlertExactlyOnce() throws Exception {
        MongoTemplate first = instance();
        MongoTemplate second = instance();
        AlertStore firstStore = new MongoAlertStore(first);
        AlertStore secondStore = new MongoAlertStore(second);
        ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();
        AtomicInteger attempts = new AtomicInteger();
        AlertSender flakyMailServer = alert -> {
            if (attempts.incrementAndGet() % 7 == 0) { // every seventh attempt refused: retried later
                throw new IllegalStateException("451 try again later");
            }
            accepted.add(alert.id());
        };
        Clock clock = Clock.systemUTC();
        List<DeadLetters.DeadLetter> dead = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sentByFirst = new AtomicInteger();
        AtomicInteger sentBySecond = new AtomicInteger();
        DispatchingAlerts one = dispatcher(firstStore, first, alert -> {
            flakyMailServer.send(alert);
            sentByFirst.incrementAndGet();
        }, dead, clock);
        DispatchingAlerts two = dispatcher(secondStore, second, alert -> {
            flakyMailServer.send(alert);
            sentBySecond.incrementAndGet();
        }, dead, clock);

        for (int i = 0; i < ALERTS / 2; i++) {
            firstStore.addIfNew(alert("a-" + i, clock.instant()), AlertStore.Status.PENDING);
        }
        AtomicBoolean raising = new AtomicBoolean(true);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        running.add(pool.submit(() -> { // the rest raised while the others send, half through each instance
            go.await();
            for (int i = ALERTS / 2; i < ALERTS; i++) {
                (i % 2 == 0 ? firstStore : secondStore).addIfNew(alert("a-" + i, clock.instant()), AlertStore.Status.PENDING);
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
            assertThat(firstStore.byId("a-" + i).orElseThrow().status()).isEqualTo(AlertStore.Status.SENT);
        }
        assertThat(first.getCollection("alert_queue").countDocuments()).isZero();
    }

    @Test
    void aClaimedAlertIsNotClaimedAgainByAnotherInstanceEvenFromAStaleQueueEntry() {
        MongoTemplate first = instance();
        MongoTemplate second = instance();
        AlertStore firstStore = new MongoAlertStore(first);
        AlertStore secondStore = new MongoAlertStore(second);
        Instant now = Instant.parse("2022-04-01T08:00:00Z");
        firstStore.addIfNew(alert("a-1", now), AlertStore.Status.PENDING);

        List<AlertStore.Claim> claimed = firstStore.claim(now, 5);
        secondStore.restoreQueue(now); // cannot know it is being sent: still SENDING, not PENDING
        second.insert(new org.bson.Document("_id", "a-1").append("due", java.util.Date.from(now)), "alert_queue"); // a stale entry

        assertThat(claimed).extracting(c -> c.alert().id()).containsExactly("a-1");
        assertThat(secondStore.claim(now.plusSeconds(1), 5)).isEmpty();
        assertThat(second.getCollection("alert_queue").countDocuments()).as("the stale entry was dropped").isZero();
        firstStore.markSent("a-1", now);
        assertThat(secondStore.claim(now.plusSeconds(2), 5)).isEmpty();
    }

    private DispatchingAlerts dispatcher(AlertStore store, MongoTemplate template, AlertSender sender,
                                         List<DeadLetters.DeadLetter> dead, Clock clock) {
        return new DispatchingAlerts(store, sender, new Dead(dead),
                new NotificationMetrics(new SimpleMeterRegistry(), new MongoEventInbox(template)), settings, clock);
    }

    private static Alert alert(String id, Instant at) {
        return new Alert(id, "action-overdue", "action", id, "2022-03-31", "event-" + id, id + "@waypoint.example", null,
                "Jamie", Audience.SUBJECT, "Children and Justice", "Overdue action", "Body", "<p>Body</p>",
                "http://l/actions/" + id, at);
    }

    private record Dead(List<DeadLetter> dead) implements DeadLetters {
        @Override
        public void add(DeadLetter deadLetter) {
            dead.add(deadLetter);
        }

        @Override
        public List<DeadLetter> list(Status status, int page, int size) {
            return dead;
        }

        @Override
        public long count(Status status) {
            return dead.size();
        }

        @Override
        public Optional<DeadLetter> byId(String id) {
            return Optional.empty();
        }

        @Override
        public boolean markReplayed(String id, String by, Instant at) {
            return true;
        }
    }
}
