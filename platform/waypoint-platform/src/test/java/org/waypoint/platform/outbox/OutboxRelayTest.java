package org.waypoint.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.TestKafka;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * The relay against a real Kafka broker and the MongoDB-compatible server: what the writer saves
 * is published at once (the wake-up hint), what nobody named is found by the sweep, each message
 * exactly once and in order per aggregate.
 */
class OutboxRelayTest {

    private static final String TOPIC = "cases";
    private static final String COLLECTION = "cases";
    private static final Duration NEVER = Duration.ofHours(1);

    record Case(@Id String id, String name) {
    }

    private InMemoryMongo server;
    private MongoClient client;
    private MongoTemplate mongo;
    private TestKafka kafka;
    private DefaultKafkaProducerFactory<String, String> producers;
    private final List<OutboxRelay> relays = new ArrayList<>();

    @BeforeEach
    void start() {
        server = InMemoryMongo.start();
        client = MongoClients.create(server.uri("relay"));
        mongo = new MongoTemplate(client, "relay");
        kafka = TestKafka.start(TOPIC);
        producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @AfterEach
    void stop() {
        relays.forEach(OutboxRelay::stop);
        producers.destroy();
        kafka.close();
        client.close();
        server.close();
    }

    @Test
    void aSavedEventIsPublishedAtOnceWithoutWaitingForASweep() {
        OutboxWakeUp wakeUp = new OutboxWakeUp();
        MongoOutboxWriter writer = new MongoOutboxWriter(mongo, wakeUp);
        startRelay(wakeUp, NEVER); // sweeps once at start (nothing there), then never again
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10)).until(() -> relays.getFirst().isRunning());

        writer.insert(new Case("c-1", "first"), COLLECTION, List.of(message("c-1", "CaseOpened")));

        List<ConsumerRecord<String, String>> read = kafka.read(TOPIC, 1, Duration.ofSeconds(15));
        assertThat(read).extracting(ConsumerRecord::key).containsExactly("c-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> pending() == 0);
    }

    @Test
    void anImportsAggregatesSavedTogetherArePublishedOnceEachWithoutASweep() {
        OutboxWakeUp wakeUp = new OutboxWakeUp();
        MongoOutboxWriter writer = new MongoOutboxWriter(mongo, wakeUp);
        startRelay(wakeUp, NEVER);
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(10)).until(() -> relays.getFirst().isRunning());

        writer.insertAll(COLLECTION, IntStream.range(0, 250).mapToObj(i -> new MongoOutboxWriter.NewAggregate(
                new Case("c-" + i, "case " + i), List.of(message("c-" + i, "CaseOpened")), Map.of())).toList());

        List<ConsumerRecord<String, String>> read = kafka.read(TOPIC, 250, Duration.ofSeconds(30));
        assertThat(read).hasSize(250);
        assertThat(read.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(250);
        await().atMost(Duration.ofSeconds(10)).until(() -> pending() == 0);
    }

    @Test
    void eventsAnEarlierProcessLeftArePublishedOnceAndInOrderWhenTheRelayStarts() {
        MongoOutboxWriter earlierProcess = new MongoOutboxWriter(mongo); // its hints went nowhere
        for (int i = 0; i < 150; i++) { // more than one sweep batch
            String id = "c-" + i;
            earlierProcess.insert(new Case(id, "case " + i), COLLECTION, List.of(message(id, "CaseOpened"), message(id, "CaseUpdated")));
            earlierProcess.update(new Case(id, "case " + i + " again"), id, 0, COLLECTION, List.of(message(id, "CaseClosed")));
        }

        startRelay(new OutboxWakeUp(), NEVER);

        List<ConsumerRecord<String, String>> read = kafka.read(TOPIC, 450, Duration.ofSeconds(60));
        assertThat(read).hasSize(450);
        Map<String, List<String>> typesByCase = new HashMap<>();
        read.forEach(r -> typesByCase.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value().split("\\|")[1]));
        assertThat(typesByCase).hasSize(150);
        assertThat(typesByCase.values()).allSatisfy(types -> assertThat(types)
                .containsExactly("CaseOpened", "CaseUpdated", "CaseClosed"));
        assertThat(read.stream().map(r -> r.value().split("\\|")[0]).distinct().count()).isEqualTo(450);
        await().atMost(Duration.ofSeconds(5)).until(() -> pending() == 0);
    }

    @Test
    void eventsAnotherInstanceSavedAreFoundByThePeriodicSweep() {
        startRelay(new OutboxWakeUp(), Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> relays.getFirst().isRunning());
        MongoOutboxWriter otherInstance = new MongoOutboxWriter(mongo, new OutboxWakeUp()); // not this relay's hints

        otherInstance.insert(new Case("c-9", "elsewhere"), COLLECTION, List.of(message("c-9", "CaseOpened")));

        assertThat(kafka.read(TOPIC, 1, Duration.ofSeconds(20))).extracting(ConsumerRecord::key).containsExactly("c-9");
    }

    @Test
    void updatesArrivingWhileEarlierOnesArePublishedAreEachPublishedOnceInOrder() {
        OutboxWakeUp wakeUp = new OutboxWakeUp();
        MongoOutboxWriter writer = new MongoOutboxWriter(mongo, wakeUp);
        startRelay(wakeUp, NEVER);
        await().atMost(Duration.ofSeconds(10)).until(() -> relays.getFirst().isRunning());

        writer.insert(new Case("c-1", "v0"), COLLECTION, List.of(message("c-1", "E0")));
        IntStream.rangeClosed(1, 40).forEach(v ->
                writer.update(new Case("c-1", "v" + v), "c-1", v - 1, COLLECTION, List.of(message("c-1", "E" + v))));

        List<ConsumerRecord<String, String>> read = kafka.read(TOPIC, 41, Duration.ofSeconds(30));
        assertThat(read).extracting(r -> r.value().split("\\|")[1])
                .containsExactlyElementsOf(IntStream.rangeClosed(0, 40).mapToObj(v -> "E" + v).toList());
        await().atMost(Duration.ofSeconds(5)).until(() -> pending() == 0);
        assertThat(mongo.findById("c-1", Document.class, COLLECTION)).containsEntry("name", "v40").containsEntry("version", 40L);
    }

    private void startRelay(OutboxWakeUp wakeUp, Duration sweepInterval) {
        OutboxRelay relay = new OutboxRelay(mongo, new KafkaTemplate<>(producers), List.of(COLLECTION),
                Duration.ofMillis(200), sweepInterval, Duration.ofSeconds(30), 100, wakeUp);
        relays.add(relay);
        relay.start();
    }

    private long pending() {
        return mongo.count(new Query(Criteria.where(OutboxMessage.FIELD + ".0").exists(true)), COLLECTION);
    }

    private static OutboxMessage message(String key, String type) {
        String id = UUID.randomUUID().toString();
        return new OutboxMessage(id, TOPIC, key, type, id + "|" + type, Instant.now());
    }
}
