package org.waypoint.platform.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.waypoint.platform.events.CloudEvent;

/**
 * Publishes what aggregates left in their {@code outbox} field, in order, and removes each message
 * only after Kafka has acknowledged it. If Kafka is down the messages stay where they are and are
 * retried on the next pass; if the process dies, the next process finds them. Delivery is
 * therefore at least once; consumers de-duplicate by event id. The wait for Kafka's answer
 * ({@code waypoint.outbox.send-timeout}, 30 s) is longer than the producer's own delivery timeout
 * (10 s), so a send is never given up while Kafka might still accept it.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<String> collections;
    private final Duration pollInterval;
    private final Duration sendTimeout;
    private final int batchSize;
    private final AtomicLong published = new AtomicLong();
    private volatile Thread worker;
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<String> collections,
                       Duration pollInterval, Duration sendTimeout, int batchSize) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.pollInterval = pollInterval;
        this.sendTimeout = sendTimeout;
        this.batchSize = batchSize;
    }

    /**
     * One pass over every outbox collection.
     *
     * @return how many messages were published
     */
    public int publishPending() {
        int count = 0;
        for (String collection : collections) {
            Query pending = new Query(Criteria.where(OutboxMessage.FIELD + ".0").exists(true)).limit(batchSize);
            pending.fields().include("_id").include(OutboxMessage.FIELD);
            pending.with(Sort.by("_id"));
            for (Document aggregate : mongo.find(pending, Document.class, collection)) {
                count += publishInOrder(collection, aggregate);
            }
        }
        return count;
    }

    private int publishInOrder(String collection, Document aggregate) {
        int count = 0;
        for (Document message : aggregate.getList(OutboxMessage.FIELD, Document.class)) {
            String id = message.getString("id");
            ProducerRecord<String, String> record = new ProducerRecord<>(
                    message.getString("topic"), message.getString("key"), message.getString("payload"));
            record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes());
            try {
                kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return count;
            } catch (Exception e) {
                log.warn("Outbox: could not publish {} {} from {} yet ({}); it stays in the outbox and will be retried",
                        message.getString("type"), id, collection, rootMessage(e));
                return count; // keep order: later messages of this aggregate wait for this one
            }
            DocumentLocks.around(collection, aggregate.get("_id"), () -> mongo.updateFirst(
                    new Query(Criteria.where("_id").is(aggregate.get("_id"))),
                    new Update().pull(OutboxMessage.FIELD, new Document("id", id)), collection));
            published.incrementAndGet();
            count++;
        }
        return count;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    /** Total messages this relay has published since it started. */
    public long publishedCount() {
        return published.get();
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                if (publishPending() == 0) {
                    sleepUnlessStopped();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay pass failed; retrying: {}", rootMessage(e));
                try {
                    sleepUnlessStopped();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Lets the pass in progress finish (a message sent but not yet removed would be sent again by
     * the next process), then stops; interrupts only if the pass does not end in time.
     */
    @Override
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            try {
                t.join(sendTimeout.toMillis() + 2000);
                if (t.isAlive()) {
                    t.interrupt();
                    t.join(2000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void sleepUnlessStopped() throws InterruptedException {
        long until = System.nanoTime() + pollInterval.toNanos();
        while (running && System.nanoTime() < until) {
            Thread.sleep(Math.min(50, pollInterval.toMillis()));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
