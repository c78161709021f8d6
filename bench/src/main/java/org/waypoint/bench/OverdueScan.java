package org.waypoint.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import tools.jackson.databind.JsonNode;

/**
 * The overdue scan ({@code POST /api/actions/overdue-check}, answering {ran, examined, announced})
 * at two volumes: quiet (nothing has changed since the last scan), then after a fixed number of
 * actions became overdue. If the scan's cost follows what changed, the quiet scan costs the same
 * at both volumes and the changed scan costs about the same number of actions more.
 */
final class OverdueScan {

    record Scan(boolean ran, int examined, int announced, double ms) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ran", ran);
            m.put("examined", examined);
            m.put("announced", announced);
            m.put("ms", Report.round(ms, 1));
            return m;
        }
    }

    private final Bench.Ports ports;
    private final Tokens tokens;
    private final Loader loader;
    private final String tag;
    private final Random random = new Random(23);
    private int growthPlans;

    private final Admin kafka;

    OverdueScan(Bench.Ports ports, Tokens tokens, Loader loader, String tag, Admin kafka) {
        this.kafka = kafka;
        this.ports = ports;
        this.tokens = tokens;
        this.loader = loader;
        this.tag = tag;
    }

    Scan scan() {
        Http.Response r = Http.postJson(ports.plan() + "/api/actions/overdue-check", tokens.of("priya.officer"), null,
                Duration.ofMinutes(10));
        if (!r.ok()) {
            throw new IllegalStateException("overdue-check: HTTP " + r.status() + " " + Bench.clip(r.body()));
        }
        JsonNode n = Json.read(r.body());
        return new Scan(n.path("ran").asBoolean(), n.path("examined").asInt(), n.path("announced").asInt(), r.millis());
    }

    /** Scans at the current volume: settle, quiet x5, {@code changed} actions made overdue, scan, quiet x2. */
    Map<String, Object> measureAt(int actions, int changed, String label) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("actions", actions);
        m.put("settling", scan().toMap());
        List<Scan> quiet = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            quiet.add(scan());
        }
        String plan = "bench-scan-" + tag + "-" + label;
        loader.createPlan(plan, "Bench overdue-scan plan " + label, Loader.AREAS[0]);
        long start = System.nanoTime();
        int stored = loader.importActions(plan, Loader.AREAS[0], "S" + label + "-", 0, changed, Loader.Due.OVERDUE, random);
        m.put("changedActionsImportSeconds", Report.round((System.nanoTime() - start) / 1e9, 2));
        Scan after = scan();
        List<Scan> quietAfter = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            quietAfter.add(scan());
        }
        m.put("quiet", quiet.stream().map(Scan::toMap).toList());
        m.put("quietMedianMs", Report.round(median(quiet), 1));
        m.put("changed", stored);
        m.put("afterChange", after.toMap());
        m.put("quietAfterChange", quietAfter.stream().map(Scan::toMap).toList());
        double perAction = after.examined() == 0 ? Double.NaN : (after.ms() - median(quiet)) / after.examined();
        m.put("msPerExaminedAction", Report.round(perAction, 2));
        return m;
    }

    /**
     * Grows the actions to {@code target} (all due well ahead), in files of 4,000 rows into growth
     * plans. Each file's events must be on Kafka before the next file is sent, so the rate is what
     * the platform sustains end to end, and no backlog builds up in the store (unpaced, the
     * MongoDB-compatible server stalled under the backlog; ADR 70).
     */
    Map<String, Object> grow(int from, int target, Duration max) {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        int count = from;
        int requests = 0;
        long published = plansPublished();
        while (count < target && System.nanoTime() < deadline) {
            String plan = "bench-grow-" + tag + "-" + (++growthPlans);
            loader.createPlan(plan, "Bench growth plan " + growthPlans, Loader.AREAS[growthPlans % 2]);
            int n = Math.min(Loader.ROWS_PER_FILE, target - count);
            int stored = loader.importActions(plan, Loader.AREAS[growthPlans % 2], "G" + growthPlans + "-", 0, n, Loader.Due.FUTURE,
                    random);
            requests++;
            if (stored < 0) {
                break;
            }
            count += stored;
            published += stored; // one ActionCreated each
            awaitPublished(published, Duration.ofSeconds(120));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", count);
        m.put("requests", requests);
        m.put("seconds", Report.round(seconds, 1));
        m.put("actionsPerSecond", Report.round((count - from) / seconds, 1));
        m.put("reachedTarget", count >= target);
        m.put("pacedOnKafka", true);
        return m;
    }

    /** Events on the plans topic so far: the sum of its partitions' end offsets. */
    private long plansPublished() {
        try {
            var partitions = kafka.describeTopics(List.of(PLANS_TOPIC)).allTopicNames().get().get(PLANS_TOPIC).partitions();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(p -> latest.put(new TopicPartition(PLANS_TOPIC, p.partition()), OffsetSpec.latest()));
            return kafka.listOffsets(latest).all().get().values().stream().mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (Exception e) {
            throw new IllegalStateException("reading the end offsets of " + PLANS_TOPIC + ": " + e, e);
        }
    }

    private void awaitPublished(long atLeast, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (plansPublished() < atLeast) {
            if (System.nanoTime() > deadline) {
                System.out.println("    ! growth: the import's events were not all on Kafka within " + max.toSeconds() + " s; going on");
                return;
            }
            Bench.sleep(Duration.ofMillis(250));
        }
    }

    private static final String PLANS_TOPIC = "waypoint.plans.v1";

    static double median(List<Scan> scans) {
        double[] ms = scans.stream().mapToDouble(Scan::ms).sorted().toArray();
        return ms.length == 0 ? Double.NaN : ms[ms.length / 2];
    }
}
