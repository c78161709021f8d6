package org.waypoint.plan.action.persistence;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises, within this process, the writes to one review-queue bucket (a writer's push, the
 * scan's pull, the removal of an emptied bucket). MongoDB applies each update of a document
 * atomically; the MongoDB-compatible server used locally and in tests (mongo-java-server) reads,
 * modifies and writes a document back without a per-document lock, so two concurrent pushes to one
 * bucket could lose one entry, and with it an action's next review. Striped, so writers to
 * different buckets rarely wait for each other. Two processes on one mongo-java-server can still
 * race (development only; see ADR 13).
 */
final class BucketLocks {

    private static final ReentrantLock[] STRIPES = new ReentrantLock[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new ReentrantLock();
        }
    }

    private BucketLocks() {
    }

    static <T> T around(String bucketId, Supplier<T> write) {
        ReentrantLock lock = STRIPES[Math.floorMod(bucketId.hashCode(), STRIPES.length)];
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }
}
