package org.waypoint.plan.action.persistence;

import static org.waypoint.plan.action.domain.ActionFixture.anAction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.plan.action.application.ReviewingActions;
import org.waypoint.plan.action.application.StatusRules;
import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionId;
import org.waypoint.plan.common.messaging.PlanEventsOutbox;
import org.waypoint.platform.outbox.MongoOutboxWriter;
import org.waypoint.platform.outbox.Outbox;
import org.waypoint.platform.scheduling.MongoLease;
import org.waypoint.testsupport.InMemoryMongo;

import com.mongodb.client.MongoClients;

import tools.jackson.databind.json.JsonMapper;

/**
 * Not part of the normal test run: measures the review scan at two volumes on the in-memory
 * MongoDB-compatible server, and the query the queue replaced. Timings are printed, never asserted.
 * Run: {@code ./mvnw -pl plan-service/plan-app verify -Dtest=ReviewQueueVolumeBenchmark -Dwaypoint.bench=true}
 * (volumes: {@code -Dwaypoint.bench.volumes=2000,20000}, the default; {@code -Dwaypoint.bench.versionIndex=false}
 * drops the {_id, version} index, to see the saves as they were before).
 */
@EnabledIfSystemProperty(named = "waypoint.bench", matches = "true")
class ReviewQueueVolumeBenchmark {

    private static final int CHANGED = 100;
    private static final int REPEATS = 15;

    @Test
    void quietScanAtTwoVolumes() {
        List<String> lines = new ArrayList<>();
        lines.add("| actions | first scan (queues them all) ms | quiet scan ms (median of " + REPEATS
                + ") | actions / entries read by it | old query nextCheckOn<=today ms | " + CHANGED
                + " changes ms per write | scan of " + CHANGED + " changed ms | examined |");
        lines.add("|---|---|---|---|---|---|---|---|");
        for (String volume : System.getProperty("waypoint.bench.volumes", "2000,20000").split(",")) {
            lines.add(measure(Integer.parseInt(volume.strip())));
        }
        System.out.println("REVIEW QUEUE BENCHMARK\n" + String.join("\n", lines));
    }

    private String measure(int volume) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneId.of("Europe/London"));
        LocalDate today = LocalDate.now(clock);
        try (InMemoryMongo server = InMemoryMongo.start(); var client = MongoClients.create(server.uri("bench"))) {
            MongoTemplate mongo = new MongoTemplate(client, "bench");
            StatusRules rules = new StatusRules(25, 14);
            var events = new PlanEventsOutbox(new Outbox("plan-service", JsonMapper.builder().build(), clock));
            var actions = new MongoActionRepository(mongo, new MongoOutboxWriter(mongo), events, rules, clock);
            var reviewing = new ReviewingActions(actions, rules, new MongoLease(mongo, clock), clock);
            MongoActionReviewQueue queue = actions.reviewQueue();
            if ("false".equals(System.getProperty("waypoint.bench.versionIndex"))) { // as before ADR 13
                mongo.indexOps(ActionDocument.COLLECTION).dropIndex(org.waypoint.platform.outbox.MongoOutboxWriter.ID_AND_VERSION_INDEX);
            }

            // stored as a settled service leaves them: each with a next review date in the coming year
            List<ActionDocument> batch = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < volume; i++) {
                Action a = anAction().due(today.plusDays(30 + i % 365).toString()).build();
                batch.add(ActionDocument.from(a, today.plusDays(1 + i % 365)));
                ids.add(a.id().value());
                if (batch.size() == 1_000) {
                    mongo.insert(batch, ActionDocument.COLLECTION);
                    batch.clear();
                }
            }
            long start = System.nanoTime();
            reviewing.review();
            double firstScan = ms(start);

            double[] quiet = new double[REPEATS];
            long actionsRead = queue.actionsRead();
            long entriesRead = queue.entriesRead();
            for (int r = 0; r < REPEATS; r++) {
                start = System.nanoTime();
                reviewing.review();
                quiet[r] = ms(start);
            }
            long actionsPerQuiet = (queue.actionsRead() - actionsRead) / REPEATS;
            long entriesPerQuiet = (queue.entriesRead() - entriesRead) / REPEATS;

            double[] old = new double[REPEATS];
            for (int r = 0; r < REPEATS; r++) {
                start = System.nanoTime();
                mongo.find(new Query(Criteria.where("nextCheckOn").lte(today)).limit(500), ActionDocument.class,
                        ActionDocument.COLLECTION);
                old[r] = ms(start);
            }

            start = System.nanoTime();
            for (int i = 0; i < CHANGED; i++) {
                Action a = actions.find(new ActionId(ids.get(i * (volume / CHANGED)))).orElseThrow();
                actions.update(a, List.of(), null, today); // e.g. a person's change that makes it due for review
            }
            double perWrite = ms(start) / CHANGED;
            start = System.nanoTime();
            var changed = reviewing.review();
            double changedScan = ms(start);

            return "| %,d | %.0f | %.1f | %d / %d | %.1f | %.1f | %.0f | %d |".formatted(volume, firstScan, median(quiet),
                    actionsPerQuiet, entriesPerQuiet, median(old), perWrite, changedScan, changed.examined());
        }
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
