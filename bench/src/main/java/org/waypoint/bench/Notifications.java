package org.waypoint.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

import tools.jackson.databind.JsonNode;

/**
 * The two figures about alerts. (1) From a change saved (the answer to the POST that records a red
 * measurement) to each of its emails accepted by SMTP, at a steady rate, split at the moment the
 * event is on Kafka. (2) The notification pipeline's throughput on a backlog of events, against a
 * raw Kafka consumer reading the same events on the same topic.
 */
final class Notifications {

    static final String PLANS_TOPIC = "waypoint.plans.v1";
    static final String INDICATORS_TOPIC = "waypoint.indicators.v1";

    private final Bench.Ports ports;
    private final Tokens tokens;
    private final Mail mail;
    private final String bootstrap;
    private final String tag;

    Notifications(Bench.Ports ports, Tokens tokens, Mail mail, String bootstrap, String tag) {
        this.ports = ports;
        this.tokens = tokens;
        this.mail = mail;
        this.bootstrap = bootstrap;
        this.tag = tag;
    }

    // ------------------------------------------------------------------ change saved -> email

    Map<String, Object> changeToInbox(int changes, double rate) throws Exception {
        String prefix = "IN-" + tag + "-";
        String officer = tokens.of("priya.officer");
        YearMonth last = YearMonth.from(LocalDate.now()).minusMonths(1);
        YearMonth before = last.minusMonths(1);

        // Indicators owned by Jamie (whose line manager is Sarah), each green last-but-one month.
        StringBuilder defs = new StringBuilder("code,name,unit,polarity,frequency,targets,ownerName,ownerUsername,ownerEmail,serviceArea,theme\n");
        StringBuilder green = new StringBuilder("code,period,value\n");
        for (int i = 1; i <= changes; i++) {
            defs.append(prefix).append(i).append(",Inbox probe ").append(i).append(": reviews on time,percentage,higher is better,monthly,\"")
                    .append(Loader.targets(before, last)).append("\",Jamie Wilson,jamie.lead,jamie.wilson@waypoint.example,Children and Justice,process\n");
            green.append(prefix).append(i).append(',').append(before).append(",95%\n");
        }
        post(ports.indicator() + "/api/indicators/import", officer, defs.toString(), "inbox indicators");
        post(ports.indicator() + "/api/measurements/import", officer, green.toString(), "inbox green measurements");
        Map<String, String> ids = new HashMap<>();
        for (int page = 0; ids.size() < changes && page < 20; page++) {
            Http.Response r = Http.get(ports.indicator() + "/api/indicators?size=200&page=" + page + "&q=" + Http.q(prefix), officer,
                    Duration.ofSeconds(60));
            if (!r.ok()) {
                throw new IllegalStateException("listing the probe indicators: HTTP " + r.status() + " " + Bench.clip(r.body()));
            }
            JsonNode items = Json.read(r.body()).path("items");
            if (items.isEmpty()) {
                break;
            }
            items.forEach(n -> ids.put(n.path("code").asString(), n.path("id").asString()));
        }
        if (ids.size() < changes) {
            throw new IllegalStateException("only " + ids.size() + " of " + changes + " probe indicators found");
        }
        // Each recording names the indicator's version (If-Match): read them before the paced sends.
        Map<String, String> etags = new HashMap<>();
        for (Map.Entry<String, String> e : ids.entrySet()) {
            Http.Response r = Http.get(ports.indicator() + "/api/indicators/" + e.getValue(), officer, Duration.ofSeconds(30));
            if (!r.ok()) {
                throw new IllegalStateException("reading probe indicator " + e.getKey() + ": HTTP " + r.status() + " " + Bench.clip(r.body()));
            }
            etags.put(e.getKey(), "\"" + Json.read(r.body()).path("version").asLong() + "\"");
        }

        // A raw consumer notes when each IndicatorStatusChanged reaches Kafka.
        Map<String, Instant> onKafka = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        Thread watcher = Thread.ofPlatform().name("inbox-watch").start(() -> watch(INDICATORS_TOPIC, stop, record -> {
            if (record.value().contains("IndicatorStatusChanged") && record.value().contains(prefix)) {
                JsonNode data = Json.read(record.value()).path("data");
                if ("RED".equals(data.path("newStatus").asString())) {
                    onKafka.putIfAbsent(data.path("code").asString(), Instant.now());
                }
            }
        }));
        Bench.sleep(Duration.ofSeconds(3)); // the watcher's partitions assigned and at their end
        Bench.sleep(Duration.ofSeconds(3)); // and the green measurements' events (no email) out of the way
        mail.clear();

        Map<String, Instant> saved = new LinkedHashMap<>();
        List<Long> saveNanos = new ArrayList<>();
        int errors = 0;
        long gap = (long) (1e9 / rate);
        long next = System.nanoTime();
        long start = next;
        for (int i = 1; i <= changes; i++) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            next += gap;
            String code = prefix + i;
            Http.Response r = Http.postJson(ports.indicator() + "/api/indicators/" + ids.get(code) + "/measurements", officer,
                    "{\"period\":\"" + last + "\",\"value\":\"40%\"}", etags.get(code), Duration.ofSeconds(30));
            if (r.ok()) {
                saved.put(code, Instant.now());
                saveNanos.add(r.nanos());
            } else if (++errors <= 3) {
                System.out.println("    ! measurement: HTTP " + r.status() + " " + Bench.clip(r.body()));
            }
        }
        double sendSeconds = (System.nanoTime() - start) / 1e9;
        List<Mail.Message> mails = mail.await(prefix, 2 * saved.size(), Duration.ofSeconds(90));
        stop.set(true);
        watcher.join(10_000);

        List<Long> total = new ArrayList<>();
        List<Long> toKafka = new ArrayList<>();
        List<Long> kafkaToSmtp = new ArrayList<>();
        for (Mail.Message m : mails) {
            String code = codeIn(m.subject(), prefix);
            Instant at = saved.get(code);
            if (at == null) {
                continue;
            }
            total.add(Duration.between(at, m.receivedAt()).toMillis());
            Instant k = onKafka.get(code);
            if (k != null) {
                kafkaToSmtp.add(Duration.between(k, m.receivedAt()).toMillis());
            }
        }
        for (var e : saved.entrySet()) {
            Instant k = onKafka.get(e.getKey());
            if (k != null) {
                toKafka.add(Duration.between(e.getValue(), k).toMillis());
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("changes", changes);
        m.put("ratePerSecond", rate);
        m.put("saved", saved.size());
        m.put("saveErrors", errors);
        m.put("sendSeconds", Report.round(sendSeconds, 1));
        m.put("emailsExpected", 2 * saved.size());
        m.put("emailsReceived", total.size());
        m.put("saveRequest", Stats.of(saveNanos.stream().mapToLong(Long::longValue).toArray(), saveNanos.size(), errors, sendSeconds).toMap());
        m.put("savedToEmail", Stats.ofMillis(total, sendSeconds).toMap());
        m.put("savedToKafka", Stats.ofMillis(toKafka, sendSeconds).toMap());
        m.put("kafkaToEmail", Stats.ofMillis(kafkaToSmtp, sendSeconds).toMap());
        return m;
    }

    private static String codeIn(String subject, String prefix) {
        int i = subject.indexOf(prefix);
        int j = i + prefix.length();
        while (j < subject.length() && Character.isDigit(subject.charAt(j))) {
            j++;
        }
        return subject.substring(i, j);
    }

    private void post(String url, String token, String csv, String what) {
        Http.Response r = Http.send("POST", url, token, "text/csv", csv.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5));
        if (!r.ok() || Json.read(r.body()).path("rejected").asInt() > 0) {
            throw new IllegalStateException(what + ": HTTP " + r.status() + " " + Bench.clip(r.body()));
        }
    }

    /** Reads a topic from its current end until told to stop. */
    private void watch(String topic, AtomicBoolean stop, java.util.function.Consumer<ConsumerRecord<String, String>> each) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Ceilings.consumerProps(bootstrap, "bench-watch-" + tag))) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            while (!stop.get()) {
                consumer.poll(Duration.ofMillis(50)).forEach(each);
            }
        }
    }

    // ------------------------------------------------------------------ pipeline vs raw consumer

    Map<String, Object> pipeline(Admin admin, int backlog) throws Exception {
        String prefix = "PIPE-" + tag + "-";
        List<TopicPartition> partitions = new ArrayList<>();
        admin.describeTopics(List.of(PLANS_TOPIC)).allTopicNames().get().get(PLANS_TOPIC).partitions()
                .forEach(p -> partitions.add(new TopicPartition(PLANS_TOPIC, p.partition())));
        mail.clear();

        Instant first;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Ceilings.producerProps(bootstrap))) {
            first = Instant.now();
            for (int i = 1; i <= backlog; i++) {
                String id = "bench-" + tag + "-" + i;
                ProducerRecord<String, String> record = new ProducerRecord<>(PLANS_TOPIC, id, overdueEvent(id, prefix + i));
                record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
        double publishSeconds = Duration.between(first, Instant.now()).toNanos() / 1e9;
        List<Mail.Message> mails = mail.await(prefix, 2 * backlog, Duration.ofMinutes(5));
        Instant lastMail = mails.stream().map(Mail.Message::receivedAt).max(Instant::compareTo).orElse(Instant.now());
        double pipelineSeconds = Duration.between(first, lastMail).toNanos() / 1e9;
        Map<TopicPartition, Long> to = endOffsets(admin, partitions);

        // The raw consumer: the same topic from its beginning (these events and everything before them),
        // same run, after the pipeline so that they do not compete for the cores.
        Map<TopicPartition, Long> earliest = offsets(admin, partitions, OffsetSpec.earliest());
        long rawStart = System.nanoTime();
        long read = 0;
        long expected = 0;
        for (TopicPartition tp : partitions) {
            expected += to.get(tp) - earliest.get(tp);
        }
        try (KafkaConsumer<String, String> raw = new KafkaConsumer<>(Ceilings.consumerProps(bootstrap, "bench-raw-" + tag))) {
            raw.assign(partitions);
            earliest.forEach(raw::seek);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : raw.poll(Duration.ofMillis(100))) {
                    if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))) {
                        read++;
                    }
                }
            }
        }
        double rawSeconds = (System.nanoTime() - rawStart) / 1e9;

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("events", backlog);
        m.put("publishSeconds", Report.round(publishSeconds, 2));
        m.put("emailsExpected", 2 * backlog);
        m.put("emailsReceived", mails.size());
        m.put("pipelineSeconds", Report.round(pipelineSeconds, 2));
        m.put("pipelineEventsPerSecond", Report.round(mails.size() / 2.0 / pipelineSeconds, 1));
        m.put("pipelineEmailsPerSecond", Report.round(mails.size() / pipelineSeconds, 1));
        m.put("rawConsumerEvents", read);
        m.put("rawConsumerReads", "the whole topic from its beginning, these events included");
        m.put("rawConsumerSeconds", Report.round(rawSeconds, 3));
        m.put("rawConsumerEventsPerSecond", Report.round(read / rawSeconds, 0));
        return m;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<TopicPartition> partitions) throws Exception {
        return offsets(admin, partitions, OffsetSpec.latest());
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        partitions.forEach(tp -> specs.put(tp, spec));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(specs).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
        return out;
    }

    /** An ActionBecameOverdue CloudEvent as plan-service publishes it, led by Jamie (line manager: Sarah). */
    static String overdueEvent(String actionId, String reference) {
        String today = LocalDate.now().toString();
        return "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/waypoint/plan-service\","
                + "\"type\":\"org.waypoint.plan.ActionBecameOverdue.v1\",\"subject\":\"" + actionId + "\",\"time\":\""
                + Instant.now() + "\",\"datacontenttype\":\"application/json\","
                + "\"dataschema\":\"https://waypoint.example/schemas/plan/ActionBecameOverdue.v1.json\",\"data\":{"
                + "\"actionId\":\"" + actionId + "\",\"planId\":\"bench-pipeline\",\"reference\":\"" + reference + "\","
                + "\"title\":\"Support the implementation of the new MAPPA standards\",\"serviceArea\":\"Children and Justice\","
                + "\"leads\":[{\"name\":\"Jamie Wilson\",\"username\":\"jamie.lead\",\"email\":\"jamie.wilson@waypoint.example\"}],"
                + "\"dueDate\":\"2026-03-31\",\"dueAsWritten\":\"2025\",\"progressPercent\":40,\"detectedOn\":\"" + today + "\"}}";
    }
}
