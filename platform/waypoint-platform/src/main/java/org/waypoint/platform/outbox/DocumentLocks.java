package org.waypoint.platform.outbox;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises, within one process, the writes this package makes to the same document: the
 * writer's update of an aggregate and the relay's removal of a published message. MongoDB applies
 * each update to a document atomically, but the MongoDB-compatible server used locally and in tests
 * (mongo-java-server) reads, modifies and writes a document back without a per-document lock, so two
 * concurrent updates of one document could lose one of them: a scan's new status, or the event it
 * caused. Striped, so unrelated documents rarely wait for each other.
 */
final class DocumentLocks {

    private static final ReentrantLock[] STRIPES = new ReentrantLock[64];

    static {
        for (int i = 0; i < STRIPES.length; i++) {
            STRIPES[i] = new ReentrantLock();
        }
    }

    private DocumentLocks() {
    }

    static <T> T around(String collection, Object id, Supplier<T> write) {
        ReentrantLock lock = STRIPES[Math.floorMod((collection + '\u0000' + id).hashCode(), STRIPES.length)];
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }
}
