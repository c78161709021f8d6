package org.waypoint.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Kafka broker (KRaft, one node) in this JVM, and a plain consumer to read what was published. */
public final class TestKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;

    private TestKafka(EmbeddedKafkaKraftBroker broker) {
        this.broker = broker;
    }

    private TcpForwarder bootstrapForwarder;

    public static TestKafka start(String... topics) {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1, topics);
        broker.afterPropertiesSet();
        return new TestKafka(broker);
    }

    /**
     * Starts a broker that clients reach at {@code 127.0.0.1:bootstrapPort}: for tests where the
     * clients were configured, and tried to connect, before the broker existed.
     */
    public static TestKafka startReachableAt(int bootstrapPort, String... topics) {
        TestKafka kafka = start(topics);
        String[] hostPort = kafka.bootstrapServers().split(",")[0].split(":");
        kafka.bootstrapForwarder = TcpForwarder.start(bootstrapPort, hostPort[0], Integer.parseInt(hostPort[1]));
        return kafka;
    }

    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    /** Reads the topic from the start until {@code count} records arrived or the timeout passed. */
    public List<ConsumerRecord<String, String>> read(String topic, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (records.size() < count && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(250)).forEach(records::add);
            }
        }
        return records;
    }

    /** A port nothing listens on yet. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (bootstrapForwarder != null) {
            bootstrapForwarder.close();
        }
        broker.destroy();
    }
}
