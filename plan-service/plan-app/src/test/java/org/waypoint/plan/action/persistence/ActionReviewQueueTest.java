package org.waypoint.plan.action.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waypoint.plan.action.domain.ActionFixture.anAction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.plan.action.application.ReviewingActions;
import org.waypoint.plan.action.application.StatusRules;
import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionId;
import org.waypoint.plan.action.domain.Actions;
import org.waypoint.plan.action.domain.StatusRule;
import org.waypoint.plan.common.domain.HistoryEntry;
import org.waypoint.plan.common.messaging.PlanEventsOutbox;
import org.waypoint.plan.common.persistence.HistoryDocuments;
import org.waypoint.platform.outbox.MongoOutboxWriter;
import org.waypoint.platform.outbox.Outbox;
import org.waypoint.platform.scheduling.MongoLease;
import org.waypoint.testsupport.InMemoryMongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import tools.jackson.databind.json.JsonMapper;

/**
 * The review queue (ADR 13) on the real MongoDB-compatible server, with the repository, the
 * outbox writer and the review use case as the service wires them, and a clock the tests move:
 * the scan reads what changed, not what is stored, and no action is ever left out of it.
 */
class ActionReviewQueueTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private InMemoryMongo server;
    private MongoClient client;
    private MongoTemplate mongo;
    private MovableClock clock;
    private StatusRule rule;
    private PlanEventsOutbox events;
    private MongoActionRepository actions;
    private MongoActionReviewQueue queue;
    private ReviewingActions reviewing;

    @BeforeEach
    void start() {
        server = InMemoryMongo.start();
        client = MongoClients.create(server.uri("review-queue-test"));
        mongo = new MongoTemplate(client, "review-queue-test");
        clock = new MovableClock(Instant.parse("2026-11-23T09:00:00Z"));
        StatusRules rules = new StatusRules(25, 14);
        rule = rules.current();
        events = new PlanEventsOutbox(new Outbox("plan-service", JsonMapper.builder().build(), clock));
        actions = new MongoActionRepository(mongo, new MongoOutboxWriter(mongo), events, rules, clock);
        queue = actions.reviewQueue();
        reviewing = new ReviewingActions(actions, rules, new MongoLease(mongo, clock), clock);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aQuietScanReadsNoActionsWhateverIsStored() {
        for (int i = 0; i < 2_000; i++) {
            create(anAction().due(today().plusDays(30 + i % 365).toString()).build());
        }
        List<Action> overdue = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            overdue.add(create(anAction().due("2021").build()));
        }

        var settling = reviewing.review();
        long actionsRead = queue.actionsRead();
        long entriesRead = queue.entriesRead();
        var quiet = reviewing.review();

        assertThat(settling.examined()).as("every new action is looked at once").isEqualTo(2_005);
        assertThat(settling.announced()).isEqualTo(5);
        assertThat(quiet.ran()).isTrue();
        assertThat(quiet.examined()).isZero();
        assertThat(queue.actionsRead() - actionsRead).as("action documents read by the quiet scan").isZero();
        assertThat(queue.entriesRead() - entriesRead).as("queue entries read by the quiet scan").isZero();
        assertThat(entriesUpTo(today())).as("nothing left queued for today or before").isZero();
        assertThat(entriesAfter(today())).as("each future action queued once, for its next review").isEqualTo(2_000);
        overdue.forEach(a -> assertThat(outboxTypes(a)).containsOnlyOnce("org.waypoint.plan.ActionBecameOverdue.v1"));

        clock.advance(Duration.ofDays(16)); // actions 0, 365, ... 1825 (due in 30 days) are now due soon
        actionsRead = queue.actionsRead();
        var sixteenDaysOn = reviewing.review();

        assertThat(sixteenDaysOn.examined()).isEqualTo(6);
        assertThat(sixteenDaysOn.announced()).isEqualTo(6);
        assertThat(queue.actionsRead() - actionsRead)
                .as("each examined action read when due and once more to drop its entry").isEqualTo(12);
        assertThat(reviewing.review().examined()).isZero();
    }

    @Test
    void anActionStoredBeforeTheQueueExistedIsStillReviewed() {
        Action overdue = storeAsBeforeTheQueue(anAction().due("2021").build(), LocalDate.parse("2022-04-01"));
        Action later = storeAsBeforeTheQueue(anAction().due(today().plusDays(100).toString()).build(), today().plusDays(86));
        storeAsBeforeTheQueue(anAction().due("2021").withProgress(100).build(), null);
        assertThat(mongo.count(new Query(), MongoActionReviewQueue.COLLECTION)).as("no queue, no cursor").isZero();

        var first = reviewing.review();
        var second = reviewing.review();

        assertThat(first.examined()).as("the overdue action, whose next review passed long ago").isOne();
        assertThat(first.announced()).isOne();
        assertThat(second.examined()).isZero();
        assertThat(outboxTypes(overdue)).containsOnlyOnce("org.waypoint.plan.ActionBecameOverdue.v1");
        assertThat(entries(today().plusDays(86))).as("the later action queued for its stored date")
                .containsExactly(later.id().value());

        clock.advance(Duration.ofDays(86));
        var dueSoon = reviewing.review();
        assertThat(dueSoon.examined()).isOne();
        assertThat(outboxTypes(later)).containsOnlyOnce("org.waypoint.plan.ActionDueSoon.v1");
    }

    @Test
    void anActionQueuedAfterTodaysScanWithAPastReviewDateIsExaminedByTheNextScan() {
        reviewing.review(); // today's scan has run: the cursor is today
        Action late = anAction().due("2021").build();
        actions.insert(new Actions.Insertion(late, List.of(), created(late), LocalDate.parse("2022-04-01"))); // e.g. a writer's clock far behind

        assertThat(entries(today())).as("queued for today, not for a day no scan will read again")
                .containsExactly(late.id().value());
        var next = reviewing.review();
        assertThat(next.examined()).isOne();
        assertThat(next.announced()).isOne();
    }

    @Test
    void anEntryQueuedByAWriterStillInFlightIsKept() {
        Action stored = create(anAction().due(today().plusDays(60).toString()).build());
        reviewing.review(); // settled at version 1, next review in 46 days
        Action notYetStored = anAction().build();
        queue.enqueue(stored.id().value(), today(), 2);       // an update to version 2 not yet written
        queue.enqueue(stored.id().value(), today(), 1);       // the write to version 1 has landed
        queue.enqueue(notYetStored.id().value(), today(), 0); // an insert not yet written

        var whileInFlight = reviewing.review();

        assertThat(whileInFlight.examined()).isZero();
        assertThat(entryVersions(today())).containsExactlyInAnyOrder(
                stored.id().value() + "@2", notYetStored.id().value() + "@0");

        clock.advance(MongoActionReviewQueue.IN_FLIGHT.plusMinutes(1)); // those writes failed: they will never land
        reviewing.review();
        assertThat(entryVersions(today())).isEmpty();
    }

    @Test
    void aCrashBetweenQueueingAndWritingLosesNothing() {
        Action action = create(anAction().due(today().plusDays(40).toString()).build());
        reviewing.review(); // settled: next review on day 26, due soon
        Action read = actions.find(action.id()).orElseThrow();
        // a person's change queues the action for day 3, then the process dies before writing it
        queue.enqueue(action.id().value(), today().plusDays(3), read.version() + 1);

        clock.advance(Duration.ofDays(3));
        assertThat(reviewing.review().examined()).as("the write never landed: nothing due on day 3").isZero();
        assertThat(entries(today())).as("the orphan entry is dropped").isEmpty();

        clock.advance(Duration.ofDays(23));
        var dayTwentySix = reviewing.review();
        assertThat(dayTwentySix.examined()).as("still reviewed on the date it has").isOne();
        assertThat(outboxTypes(action)).containsOnlyOnce("org.waypoint.plan.ActionDueSoon.v1");
    }

    @Test
    void aChangeThatFailsItsVersionCheckLeavesTheActionReviewedOnItsStoredDate() {
        Action action = create(anAction().due(today().plusDays(40).toString()).build());
        Action stale = actions.find(action.id()).orElseThrow(); // read at version 0
        reviewing.review(); // the scan moves it to version 1

        assertThatThrownBy(() -> actions.update(stale, List.of(), null, today().plusDays(3)))
                .isInstanceOf(OptimisticLockingFailureException.class);

        clock.advance(Duration.ofDays(3));
        assertThat(reviewing.review().examined()).isZero();
        clock.advance(Duration.ofDays(23));
        assertThat(reviewing.review().examined()).isOne();
    }

    @Test
    void actionsDueWhileNoScanRanAreReviewedByTheNextScan() {
        Action five = create(anAction().due(today().plusDays(19).toString()).build());
        Action nine = create(anAction().due(today().plusDays(23).toString()).build());
        reviewing.review();

        clock.advance(Duration.ofDays(12)); // the service was down
        var next = reviewing.review();

        assertThat(next.examined()).isEqualTo(2);
        assertThat(outboxTypes(five)).containsOnlyOnce("org.waypoint.plan.ActionDueSoon.v1");
        assertThat(outboxTypes(nine)).containsOnlyOnce("org.waypoint.plan.ActionDueSoon.v1");
        assertThat(entriesUpTo(today())).isZero();
    }

    @Test
    void concurrentWritersToOneDayLoseNoEntry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        queue.enqueue(ActionId.newId().value(), today(), 0);
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(entries(today())).hasSize(2_000).doesNotHaveDuplicates();
    }

    @Test
    void actionsAreSavedThroughAUniqueIndexOnIdAndVersion() {
        // the outbox writer saves by {_id, version}; the compatible server uses only unique indexes naming exactly those
        assertThat(mongo.indexOps(ActionDocument.COLLECTION).getIndexInfo()).anySatisfy(index -> {
            assertThat(index.isUnique()).isTrue();
            assertThat(index.getIndexFields()).extracting(f -> f.getKey()).containsExactly("_id", "version");
        });
    }

    // ------------------------------------------------------------------ helpers

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Creates an action as ManagingActions does. */
    private Action create(Action action) {
        actions.insert(new Actions.Insertion(action, Action.create(action.id(), action.details(), action.progressPercent(),
                "priya.officer", clock.instant()).events(), created(action), action.nextReviewOn(today(), rule)));
        return action;
    }

    private HistoryEntry created(Action action) {
        return new HistoryEntry(clock.instant(), "priya.officer", "created", Action.diff(null, action));
    }

    /** Writes an action as the service did before the review queue: the document only. */
    private Action storeAsBeforeTheQueue(Action action, LocalDate nextCheckOn) {
        new MongoOutboxWriter(mongo).insert(ActionDocument.from(action, nextCheckOn), ActionDocument.COLLECTION,
                events.messages(List.of()), Map.of(HistoryDocuments.FIELD, List.of()));
        return action;
    }

    private List<String> outboxTypes(Action action) {
        Document stored = mongo.findById(action.id().value(), Document.class, ActionDocument.COLLECTION);
        return stored.getList("outbox", Document.class).stream().map(m -> m.getString("type")).toList();
    }

    private List<Document> buckets() {
        return mongo.findAll(Document.class, MongoActionReviewQueue.COLLECTION).stream()
                .filter(b -> !MongoActionReviewQueue.CURSOR.equals(b.getString("_id"))).toList();
    }

    private static LocalDate dayOf(Document bucket) {
        String id = bucket.getString("_id");
        return LocalDate.parse(id.substring(0, id.indexOf('#')));
    }

    private long entriesUpTo(LocalDate day) {
        return buckets().stream().filter(b -> !dayOf(b).isAfter(day))
                .mapToLong(b -> b.getList("entries", Document.class).size()).sum();
    }

    private long entriesAfter(LocalDate day) {
        return buckets().stream().filter(b -> dayOf(b).isAfter(day))
                .mapToLong(b -> b.getList("entries", Document.class).size()).sum();
    }

    private List<Document> entryDocuments(LocalDate day) {
        return buckets().stream().filter(b -> dayOf(b).equals(day))
                .flatMap(b -> b.getList("entries", Document.class).stream()).toList();
    }

    private List<String> entries(LocalDate day) {
        return entryDocuments(day).stream().map(e -> e.getString("a")).toList();
    }

    private List<String> entryVersions(LocalDate day) {
        return entryDocuments(day).stream().map(e -> e.getString("a") + "@" + e.get("v")).toList();
    }

    /** A clock the test moves forward, in UK time like the service's. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return LONDON;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
