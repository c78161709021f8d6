package org.waypoint.platform.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Tells the relay which documents were just given events, so it publishes them at once by key
 * instead of waiting for its next look over whole collections. Only a hint: the relay's periodic
 * sweep still finds anything this misses (another process's writes, a full queue, a restart).
 * Records nothing until a relay listens, so a service running without one keeps no backlog.
 */
public final class OutboxWakeUp {

    /** A document that has events waiting in its outbox. */
    public record Written(String collection, Object id) {
    }

    private static final int CAPACITY = 50_000;

    private final BlockingQueue<Written> queue = new LinkedBlockingQueue<>(CAPACITY);
    private volatile boolean listening;
    private volatile boolean overflowed;

    /** Called by the writer after a document and its events were saved. */
    public void written(String collection, Object id) {
        if (listening && !queue.offer(new Written(collection, id))) {
            overflowed = true;
        }
    }

    void listen(boolean on) {
        listening = on;
        if (!on) {
            queue.clear();
        }
    }

    /** Waits up to {@code max} for a first hint, then takes every hint already there (up to {@code limit}). */
    List<Written> await(Duration max, int limit) throws InterruptedException {
        Written first = max.isZero() ? queue.poll() : queue.poll(max.toNanos(), TimeUnit.NANOSECONDS);
        if (first == null) {
            return List.of();
        }
        List<Written> all = new ArrayList<>();
        all.add(first);
        queue.drainTo(all, limit - 1);
        return all;
    }

    /** Whether hints were dropped since the last call (the queue was full): then only a sweep is sure to find everything. */
    boolean takeOverflow() {
        boolean was = overflowed;
        overflowed = false;
        return was;
    }
}
