package org.waypoint.notification.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.waypoint.notification.Events;
import org.waypoint.notification.NotificationServiceApplication;
import org.waypoint.plan.api.PlanTopics;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKafka;
import org.waypoint.testsupport.TestKeycloak;

/**
 * Events per second through the whole pipeline (Kafka -> inbox -> rules -> directory -> template ->
 * MongoDB -> SMTP acceptance) against a raw Kafka consumer reading the same backlog on the same
 * topic in the same run, and the p50/p95/p99 from an event's publication to the mail server's
 * acceptance of each of its emails at a steady rate. Real parts: in-process Kafka, the
 * MongoDB-compatible server, GreenMail. Run: {@code ./mvnw -B -pl notification-service -Pbench verify}
 * (arguments: backlog events, steady events, steady rate per second).
 */
public final class NotificationPipelineBenchmark {

    private static final String PLANS = PlanTopics.PLANS;

    public static void main(String[] args) throws Exception {
        int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int steady = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 20;

        try (InMemoryMongo mongo = InMemoryMongo.start(); TestKafka kafka = TestKafka.start(PLANS);
             TestKeycloak keycloak = TestKeycloak.start()) {
            GreenMail smtp = new GreenMail(ServerSetup.SMTP.dynamicPort());
            smtp.start();
            KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.LINGER_MS_CONFIG, 5));
            Map<String, Instant> publishedAt = new ConcurrentHashMap<>();

            // 1. A backlog of overdue actions (each: one email to the lead, one to the manager).
            for (int i = 0; i < backlog; i++) {
                publish(producer, publishedAt, "B-" + i);
            }
            producer.flush();

            // 2. The raw consumer: the same backlog, same topic, same run.
            long rawStart = System.nanoTime();
            int read = 0;
            try (KafkaConsumer<String, String> raw = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                raw.subscribe(List.of(PLANS));
                while (read < backlog) {
                    read += raw.poll(Duration.ofMillis(200)).count();
                }
            }
            double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

            // 3. The pipeline on the same backlog.
            Map<String, String> props = new HashMap<>(Map.of(
                    "spring.mongodb.uri", mongo.uri("notifications-bench"),
                    "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                    "waypoint.keycloak.url", keycloak.url(),
                    "spring.mail.host", "127.0.0.1",
                    "spring.mail.port", String.valueOf(smtp.getSmtp().getPort()),
                    "waypoint.notifications.digests-enabled", "false",
                    "logging.level.root", "WARN"));
            long startupStart = System.nanoTime();
            ConfigurableApplicationContext app = Services.start(NotificationServiceApplication.class,
                    NotificationServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, props);
            double startup = (System.nanoTime() - startupStart) / 1e9;
            long pipelineStart = System.nanoTime();
            Instant pipelineStartedAt = Instant.now();
            try (MongoClient client = MongoClients.create(mongo.uri("notifications-bench"))) {
                var alerts = client.getDatabase("notifications-bench").getCollection("alerts");
                waitFor(() -> smtp.getReceivedMessages().length >= 2 * backlog, Duration.ofMinutes(20));
                double pipelineSeconds = (System.nanoTime() - pipelineStart) / 1e9;
                // Which stage bounded the backlog: the last alert raised (consumer) vs the last one sent (dispatch).
                Instant lastRaised = Instant.MIN;
                Instant lastSent = Instant.MIN;
                List<Long> raisedToSent = new ArrayList<>();
                for (Document d : alerts.find(Filters.regex("itemId", "^B-"))) {
                    Instant raised = d.getDate("raisedAt").toInstant();
                    Instant sent = d.getDate("sentAt").toInstant();
                    lastRaised = raised.isAfter(lastRaised) ? raised : lastRaised;
                    lastSent = sent.isAfter(lastSent) ? sent : lastSent;
                    raisedToSent.add(Duration.between(raised, sent).toMillis());
                }
                Collections.sort(raisedToSent);

                // 4. Latency at a steady rate with the service running.
                long gapNanos = 1_000_000_000L / rate;
                long next = System.nanoTime();
                for (int i = 0; i < steady; i++) {
                    while (System.nanoTime() < next) {
                        Thread.onSpinWait();
                    }
                    publish(producer, publishedAt, "S-" + i);
                    producer.flush();
                    next += gapNanos;
                }
                waitFor(() -> smtp.getReceivedMessages().length >= 2 * (backlog + steady), Duration.ofMinutes(10));
                List<Long> latencies = new ArrayList<>();
                for (Document d : alerts.find(Filters.regex("itemId", "^S-"))) {
                    Instant sent = d.getDate("sentAt").toInstant();
                    latencies.add(Duration.between(publishedAt.get(d.getString("itemId")), sent).toMillis());
                }
                Collections.sort(latencies);

                System.out.println();
                System.out.println("notification-service pipeline benchmark (" + Runtime.getRuntime().availableProcessors() + " cores)");
                System.out.printf("  raw Kafka consumer:  %d events in %.2f s = %.0f events/s%n", backlog, rawSeconds, backlog / rawSeconds);
                System.out.printf("  pipeline (backlog):  %d events -> %d emails in %.2f s = %.0f events/s (%.0f emails/s); start-up %.1f s not counted%n",
                        backlog, 2 * backlog, pipelineSeconds, backlog / pipelineSeconds, 2 * backlog / pipelineSeconds, startup);
                System.out.printf("  backlog stages:      last alert raised after %.1f s, last sent after %.1f s; raised -> sent p50 %d ms, p95 %d ms%n",
                        Duration.between(pipelineStartedAt, lastRaised).toMillis() / 1e3,
                        Duration.between(pipelineStartedAt, lastSent).toMillis() / 1e3, pct(raisedToSent, 50), pct(raisedToSent, 95));
                System.out.printf("  pipeline / raw:      %.1f%%%n", 100 * (backlog / pipelineSeconds) / (backlog / rawSeconds));
                System.out.printf("  event -> SMTP acceptance at %d events/s (%d emails): p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                        rate, latencies.size(), pct(latencies, 50), pct(latencies, 95), pct(latencies, 99),
                        latencies.get(latencies.size() - 1));
            } finally {
                app.close();
                producer.close();
                smtp.stop();
            }
        }
        System.exit(0);
    }

    private static void publish(KafkaProducer<String, String> producer, Map<String, Instant> publishedAt, String id) {
        Map<String, Object> data = Events.overdue(id, id, "Support the implementation of the new MAPPA standards",
                Events.lead("Jamie Wilson", "jamie.lead", "jamie.wilson@waypoint.example"));
        String event = Events.cloudEvent("plan", "ActionBecameOverdue", id, data); // checked against the schema before the clock starts
        publishedAt.put(id, Instant.now());
        producer.send(new ProducerRecord<>(PLANS, id, event));
    }

    private static long pct(List<Long> sorted, int percentile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Timed out");
            }
            Thread.sleep(20);
        }
    }
}
