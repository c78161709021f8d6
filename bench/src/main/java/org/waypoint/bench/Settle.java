package org.waypoint.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits for the platform to digest what was loaded: no aggregate with messages left in its outbox,
 * and every consumer group (notification-service's) caught up with its topics. Measuring while
 * the backlog drains would measure the backlog.
 */
final class Settle {

    static final List<String> DATABASES = List.of("waypoint-plans", "waypoint-indicators", "waypoint-risks",
            "waypoint-budgets", "waypoint-notifications");

    private final MongoClient mongo;
    private final Admin kafka;

    Settle(MongoClient mongo, Admin kafka) {
        this.mongo = mongo;
        this.kafka = kafka;
    }

    /** Aggregates that still hold outbox messages (stops counting at 1 per collection). */
    int outboxPending() {
        int pending = 0;
        for (String db : DATABASES) {
            for (String collection : mongo.getDatabase(db).listCollectionNames()) {
                if (mongo.getDatabase(db).getCollection(collection).find(Filters.exists("outbox.0"))
                        .projection(Projections.include("_id")).limit(1).first() != null) {
                    pending++;
                }
            }
        }
        return pending;
    }

    /** Messages not yet consumed by the platform's consumer groups (the benchmark's own groups left out). */
    long consumerLag() throws Exception {
        long lag = 0;
        for (ConsumerGroupListing group : kafka.listConsumerGroups().all().get()) {
            if (group.groupId().startsWith("bench-")) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> committed =
                    kafka.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = kafka.listOffsets(latest).all().get();
            for (var e : committed.entrySet()) {
                if (e.getValue() != null && ends.containsKey(e.getKey())) {
                    lag += Math.max(0, ends.get(e.getKey()).offset() - e.getValue().offset());
                }
            }
        }
        return lag;
    }

    Map<String, Object> await(Duration max) throws Exception {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        int pending = outboxPending();
        long lag = consumerLag();
        int quietPolls = 0;
        long lastReport = start;
        while (System.nanoTime() < deadline) {
            if (pending == 0 && lag == 0) {
                if (++quietPolls >= 2) {
                    break;
                }
            } else {
                quietPolls = 0;
            }
            if (System.nanoTime() - lastReport > Duration.ofSeconds(20).toNanos()) {
                System.out.printf("    ... settling: %d collections with outbox messages, consumer lag %d%n", pending, lag);
                lastReport = System.nanoTime();
            }
            Bench.sleep(Duration.ofSeconds(2));
            pending = outboxPending();
            lag = consumerLag();
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seconds", Report.round((System.nanoTime() - start) / 1e9, 1));
        m.put("settled", pending == 0 && lag == 0);
        m.put("outboxCollectionsPending", pending);
        m.put("consumerLag", lag);
        return m;
    }
}
