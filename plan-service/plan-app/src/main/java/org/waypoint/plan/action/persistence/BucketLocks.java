package org.waypoint.plan.action.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
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

    /** Holds the locks of all these buckets (taken in one order, so two callers never wait on each other). */
    static <T> T aroundAll(Collection<String> bucketIds, Supplier<T> write) {
        TreeSet<Integer> stripes = new TreeSet<>();
        bucketIds.forEach(id -> stripes.add(stripe(id)));
        List<ReentrantLock> held = new ArrayList<>(stripes.size());
        try {
            for (int stripe : stripes) {
                STRIPES[stripe].lock();
                held.add(STRIPES[stripe]);
            }
            return write.get();
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }

    private static int stripe(String bucketId) {
        return Math.floorMod(bucketId.hashCode(), STRIPES.length);
    }

    static <T> T around(String bucketId, Supplier<T> write) {
        ReentrantLock lock = STRIPES[stripe(bucketId)];
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }
}
