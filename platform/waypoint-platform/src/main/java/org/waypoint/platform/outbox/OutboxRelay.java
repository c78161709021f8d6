package org.waypoint.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.waypoint.platform.events.CloudEvent;
import org.waypoint.platform.outbox.OutboxWakeUp.Written;

/**
 * Publishes what aggregates left in their {@code outbox} field, in order, and removes each message
 * only after Kafka has acknowledged it. If Kafka is down the messages stay where they are and are
 * retried; if the process dies, the next process finds them. Delivery is therefore at least once;
 * consumers de-duplicate by event id.
 *
 * <p>Two ways in (ADR 0071): the writer's {@link OutboxWakeUp} hint names each document as soon as it
 * is saved, and the relay reads just those documents by key and publishes them at once; a sweep over
 * whole collections ({@code waypoint.outbox.sweep-interval}, and at start) finds what hints cannot
 * name: what a process that died left, another instance's writes, hints dropped when their queue was
 * full. A document whose messages could not be sent is retried after {@code waypoint.outbox.poll-interval}.
 *
 * <p>The messages of a pass are sent together and then awaited, so Kafka batches them; messages of
 * one aggregate share a key, hence a partition, and the idempotent producer keeps them in order.
 * Each aggregate's acknowledged messages are removed in one update; a failed one and those after it
 * stay, so they are sent again, in order, on the next try. The wait for Kafka's answer
 * ({@code waypoint.outbox.send-timeout}, 30 s) is longer than the producer's own delivery timeout
 * (10 s), so a send is never given up while Kafka might still accept it.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<String> collections;
    private final Duration retryInterval;
    private final Duration sweepInterval;
    private final Duration sendTimeout;
    private final int batchSize;
    private final OutboxWakeUp wakeUp;
    private final AtomicLong published = new AtomicLong();
    private volatile Thread worker;
    private volatile boolean running;
    /** How long the last sweep spent reading collections for documents with messages. */
    private volatile long lastSweepRead;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<String> collections,
                       Duration retryInterval, Duration sweepInterval, Duration sendTimeout, int batchSize,
                       OutboxWakeUp wakeUp) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = List.copyOf(collections);
        this.retryInterval = retryInterval;
        this.sweepInterval = sweepInterval;
        this.sendTimeout = sendTimeout;
        this.batchSize = batchSize;
        this.wakeUp = wakeUp;
    }

    /**
     * One sweep over every outbox collection: publishes everything pending. The documents with
     * messages are found in one read of the collection (ids only: the MongoDB-compatible server has
     * no index for "has messages", so each such read examines every document), then published a
     * batch at a time, read by {@code _id}.
     *
     * @return how many messages were published
     */
    public int publishPending() throws InterruptedException {
        int count = 0;
        long reading = 0;
        for (String collection : collections) {
            while (true) {
                long started = System.nanoTime();
                Query pending = new Query(Criteria.where(OutboxMessage.FIELD + ".0").exists(true)).limit(IDS_PER_SWEEP_READ);
                pending.fields().include("_id");
                List<Object> ids = mongo.find(pending, Document.class, collection).stream().map(d -> d.get("_id")).toList();
                reading += System.nanoTime() - started;
                Published pass = publishIds(collection, ids);
                count += pass.count();
                if (ids.size() < IDS_PER_SWEEP_READ || !pass.left().isEmpty()) {
                    break; // all read; or Kafka refuses: the rest waits for the next try
                }
            }
        }
        lastSweepRead = reading;
        return count;
    }

    /**
     * Ids read at once by a sweep: ten times the old batch, so a backlog of thousands takes a few reads
     * of the collection, not one per hundred; and no more, because the MongoDB-compatible server
     * holds every matching document whole in memory before projecting it to its id.
     */
    static final int IDS_PER_SWEEP_READ = 1_000;

    /** However long sweeps take, the next comes at least this soon (it is what finds other instances' writes). */
    static final Duration MAX_SWEEP_WAIT = Duration.ofMinutes(5);

    /** A sweep's reads may take at most this share of the time: the next waits at least this many times as long as the last's reads took. */
    static final int SWEEP_SPACING = 20;

    /** What one pass did: messages published, and the aggregates with messages still to send. */
    private record Pass(int published, List<Object> failed) {
    }

    /** Messages published from a list of ids, and the ids left with messages to send. */
    private record Published(int count, List<Object> left) {
    }

    /** Publishes the named documents' outboxes (read by key); returns those left with messages to send. */
    private Set<Written> publishWritten(Set<Written> written) throws InterruptedException {
        Map<String, List<Object>> idsByCollection = new LinkedHashMap<>();
        written.forEach(w -> idsByCollection.computeIfAbsent(w.collection(), c -> new ArrayList<>()).add(w.id()));
        Set<Written> left = new LinkedHashSet<>();
        for (Map.Entry<String, List<Object>> e : idsByCollection.entrySet()) {
            publishIds(e.getKey(), e.getValue()).left().forEach(id -> left.add(new Written(e.getKey(), id)));
        }
        return left;
    }

    /** Publishes the outboxes of these documents of one collection, a batch at a time. */
    private Published publishIds(String collection, List<Object> ids) throws InterruptedException {
        int count = 0;
        for (int from = 0; from < ids.size(); from += batchSize) {
            List<Object> chunk = ids.subList(from, Math.min(ids.size(), from + batchSize));
            Query query = new Query(Criteria.where("_id").in(chunk));
            query.fields().include("_id").include(OutboxMessage.FIELD);
            List<Document> aggregates = mongo.find(query, Document.class, collection).stream()
                    .filter(d -> !d.getList(OutboxMessage.FIELD, Document.class, List.of()).isEmpty()).toList();
            Pass pass = publish(collection, aggregates);
            count += pass.published;
            if (!pass.failed.isEmpty()) {
                // Kafka refuses: keep the rest for the next try rather than wait on each of them
                List<Object> left = new ArrayList<>(pass.failed);
                left.addAll(ids.subList(Math.min(ids.size(), from + batchSize), ids.size()));
                return new Published(count, left);
            }
        }
        return new Published(count, List.of());
    }

    private Pass publish(String collection, List<Document> aggregates) throws InterruptedException {
        // send everything first, so the producer batches; then wait for the answers aggregate by aggregate
        Map<Document, List<CompletableFuture<SendResult<String, String>>>> sent = new LinkedHashMap<>();
        boolean refused = false;
        for (Document aggregate : aggregates) {
            List<CompletableFuture<SendResult<String, String>>> futures = new ArrayList<>();
            if (!refused) {
                for (Document message : aggregate.getList(OutboxMessage.FIELD, Document.class)) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(
                            message.getString("topic"), message.getString("key"), message.getString("payload"));
                    record.headers().add("content-type", CloudEvent.CONTENT_TYPE.getBytes());
                    try {
                        CompletableFuture<SendResult<String, String>> future = kafka.send(record);
                        futures.add(future);
                        if (future.isCompletedExceptionally()) {
                            refused = true; // failed inside send (no metadata within max.block.ms): Kafka is away
                            break;
                        }
                    } catch (RuntimeException e) {
                        futures.add(CompletableFuture.failedFuture(e));
                        refused = true; // e.g. no metadata within max.block.ms: Kafka is away, don't wait on every message
                        break;
                    }
                }
            }
            sent.put(aggregate, futures);
        }
        int count = 0;
        List<Object> failed = new ArrayList<>();
        for (Map.Entry<Document, List<CompletableFuture<SendResult<String, String>>>> e : sent.entrySet()) {
            Document aggregate = e.getKey();
            List<Document> messages = aggregate.getList(OutboxMessage.FIELD, Document.class);
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < e.getValue().size(); i++) {
                try {
                    e.getValue().get(i).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
                    acknowledged.add(messages.get(i).getString("id"));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw ie;
                } catch (Exception ex) {
                    log.warn("Outbox: could not publish {} {} from {} yet ({}); it stays in the outbox and will be retried",
                            messages.get(i).getString("type"), messages.get(i).getString("id"), collection, rootMessage(ex));
                    break; // keep order: later messages of this aggregate wait for this one
                }
            }
            if (!acknowledged.isEmpty()) {
                DocumentLocks.around(collection, aggregate.get("_id"), () -> mongo.updateFirst(
                        new Query(Criteria.where("_id").is(aggregate.get("_id"))),
                        new Update().pull(OutboxMessage.FIELD, new Document("id", new Document("$in", acknowledged))),
                        collection));
                published.addAndGet(acknowledged.size());
                count += acknowledged.size();
            }
            if (acknowledged.size() < messages.size()) {
                failed.add(aggregate.get("_id"));
            }
        }
        return new Pass(count, failed);
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
        wakeUp.listen(true);
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    private void loop() {
        long nextSweep = System.nanoTime(); // first thing: what an earlier process left
        Set<Written> retry = new LinkedHashSet<>();
        Set<Written> inFlight = Set.of();
        long retryAt = 0;
        while (running) {
            try {
                if (wakeUp.takeOverflow() || System.nanoTime() - nextSweep >= 0) {
                    publishPending();
                    // a sweep reads whole collections: as they grow, sweep less often rather than spend the database's time on it
                    nextSweep = System.nanoTime() + Math.max(sweepInterval.toNanos(),
                            Math.min(MAX_SWEEP_WAIT.toNanos(), SWEEP_SPACING * lastSweepRead));
                }
                long now = System.nanoTime();
                long untilRetry = retry.isEmpty() ? Long.MAX_VALUE : Math.max(0, retryAt - now);
                long wait = Math.min(Math.min(untilRetry, Math.max(0, nextSweep - now)), Duration.ofMillis(200).toNanos());
                Set<Written> due = new LinkedHashSet<>(wakeUp.await(Duration.ofNanos(wait), batchSize * 10));
                if (!retry.isEmpty() && System.nanoTime() - retryAt >= 0) {
                    due.addAll(retry);
                    retry.clear();
                }
                if (!due.isEmpty()) {
                    inFlight = due;
                    Set<Written> left = publishWritten(due);
                    inFlight = Set.of();
                    if (!left.isEmpty()) {
                        retry.addAll(left);
                        retryAt = System.nanoTime() + retryInterval.toNanos();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Outbox relay pass failed; retrying: {}", rootMessage(e));
                // the documents that pass was publishing are tried again by key, not left to the next sweep
                // (a failed sweep left nextSweep behind, so it runs again)
                retry.addAll(inFlight);
                inFlight = Set.of();
                retryAt = System.nanoTime() + retryInterval.toNanos();
                try {
                    sleepUnlessStopped(retryInterval);
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
        wakeUp.listen(false);
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

    private void sleepUnlessStopped(Duration duration) throws InterruptedException {
        long until = System.nanoTime() + duration.toNanos();
        while (running && System.nanoTime() < until) {
            Thread.sleep(Math.min(50, Math.max(1, duration.toMillis())));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
