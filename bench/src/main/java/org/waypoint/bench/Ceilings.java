package org.waypoint.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/**
 * The machine's own limits, measured in the same run against the same servers the platform uses:
 * raw Kafka produce and consume (batched, and one acknowledged send at a time as the outbox relay
 * does), raw MongoDB-wire inserts and finds by id against the same MongoDB-compatible server, and a
 * static HTTP endpoint through the same load generator.
 */
final class Ceilings {

    private final String bootstrap;
    private final String tag;

    Ceilings(String bootstrap, String tag) {
        this.bootstrap = bootstrap;
        this.tag = tag;
    }

    static Properties producerProps(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return p;
    }

    static Properties consumerProps(String bootstrap, String group) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return p;
    }

    /** A CloudEvent-sized payload (about 1 KB). */
    static String payload(Random random) {
        StringBuilder b = new StringBuilder("{\"specversion\":\"1.0\",\"id\":\"").append(UUID.randomUUID())
                .append("\",\"type\":\"org.waypoint.bench.Ceiling.v1\",\"data\":{\"text\":\"");
        while (b.length() < 1000) {
            b.append((char) ('a' + random.nextInt(26)));
        }
        return b.append("\"}}").toString();
    }

    Map<String, Object> kafka(Admin admin, int messages, int syncMessages) throws Exception {
        String topic = "bench.ceiling." + tag;
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        Random random = new Random(3);
        List<String> payloads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            payloads.add(payload(random));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps(bootstrap))) {
            producer.send(new ProducerRecord<>(topic, "warm", payloads.get(0))).get();
            long start = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                producer.send(new ProducerRecord<>(topic, "k" + (i % 64), payloads.get(i % payloads.size())));
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> batched = new LinkedHashMap<>();
            batched.put("messages", messages);
            batched.put("bytesEach", payloads.get(0).length());
            batched.put("seconds", Report.round(seconds, 2));
            batched.put("perSecond", Report.round(messages / seconds, 0));
            m.put("produceBatched", batched);

            long[] nanos = new long[syncMessages];
            long syncStart = System.nanoTime();
            for (int i = 0; i < syncMessages; i++) {
                long t = System.nanoTime();
                producer.send(new ProducerRecord<>(topic, "s" + i, payloads.get(i % payloads.size()))).get();
                nanos[i] = System.nanoTime() - t;
            }
            Stats sync = Stats.of(nanos, syncMessages, 0, (System.nanoTime() - syncStart) / 1e9);
            m.put("produceOneAtATime", sync.toMap());
        }
        int total = messages + syncMessages + 1;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps(bootstrap, "bench-ceiling-" + tag))) {
            consumer.subscribe(List.of(topic));
            long start = System.nanoTime();
            long deadline = start + Duration.ofSeconds(60).toNanos();
            int read = 0;
            long firstRecordAt = 0;
            while (read < total && System.nanoTime() < deadline) {
                int n = consumer.poll(Duration.ofMillis(200)).count();
                if (n > 0 && firstRecordAt == 0) {
                    firstRecordAt = System.nanoTime();
                }
                read += n;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> consume = new LinkedHashMap<>();
            consume.put("messages", read);
            consume.put("seconds", Report.round(seconds, 2));
            consume.put("perSecond", Report.round(read / seconds, 0));
            consume.put("secondsToFirstRecord", Report.round(firstRecordAt == 0 ? Double.NaN : (firstRecordAt - start) / 1e9, 2));
            m.put("consume", consume);
        }
        admin.deleteTopics(List.of(topic)).all().get();
        return m;
    }

    /** A document about the size and shape of a stored action (without its history). */
    static Document actionLike(String id, Random random) {
        return new Document("_id", id).append("planId", "bench-ceiling").append("reference", id)
                .append("title", "Bench action " + id + ": improve the timeliness of reviews")
                .append("description", "x".repeat(300)).append("serviceArea", "Children and Justice")
                .append("leads", List.of(new Document("name", "Head of Service")))
                .append("dueDate", "2027-03-31").append("progressPercent", random.nextInt(100))
                .append("nextCheckOn", "2027-01-01").append("version", 1L).append("outbox", List.of());
    }

    Map<String, Object> mongo(MongoClient client, int documents) {
        MongoDatabase db = client.getDatabase("bench-ceiling");
        MongoCollection<Document> c = db.getCollection("docs_" + tag);
        Random random = new Random(5);
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            c.insertOne(actionLike("warm", random));
            long[] nanos = new long[documents];
            long start = System.nanoTime();
            for (int i = 0; i < documents; i++) {
                long t = System.nanoTime();
                c.insertOne(actionLike("d" + i, random));
                nanos[i] = System.nanoTime() - t;
            }
            m.put("insertOneAtATime", Stats.of(nanos, documents, 0, (System.nanoTime() - start) / 1e9).toMap());

            start = System.nanoTime();
            for (int i = 0; i < documents; i++) {
                long t = System.nanoTime();
                if (c.find(Filters.eq("_id", "d" + random.nextInt(documents))).first() == null) {
                    throw new IllegalStateException("a document inserted is not found");
                }
                nanos[i] = System.nanoTime() - t;
            }
            m.put("findByIdOneAtATime", Stats.of(nanos, documents, 0, (System.nanoTime() - start) / 1e9).toMap());

            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                batch.add(actionLike("b" + i, random));
            }
            start = System.nanoTime();
            for (int i = 0; i < batch.size(); i += 500) {
                c.insertMany(batch.subList(i, Math.min(batch.size(), i + 500)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> many = new LinkedHashMap<>();
            many.put("documents", documents);
            many.put("seconds", Report.round(seconds, 2));
            many.put("perSecond", Report.round(documents / seconds, 0));
            m.put("insertManyBatches", many);

            start = System.nanoTime();
            long scanned = c.countDocuments(Filters.lte("nextCheckOn", "2026-01-01"));
            Map<String, Object> scan = new LinkedHashMap<>();
            scan.put("documentsInCollection", 2 * documents + 1);
            scan.put("matched", scanned);
            scan.put("ms", Report.round((System.nanoTime() - start) / 1e6, 1));
            m.put("rangeQueryOnUnindexedField", scan);
        } finally {
            c.drop();
        }
        return m;
    }
}
