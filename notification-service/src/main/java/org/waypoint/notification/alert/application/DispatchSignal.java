package org.waypoint.notification.alert.application;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Wakes a mail dispatcher as soon as alerts are raised, instead of leaving them to its next
 * scheduled pass. One wake-up is kept while nobody waits; it wakes one waiting worker.
 */
@Component
public class DispatchSignal {

    private final Semaphore raised = new Semaphore(0);

    public void wake() {
        if (raised.availablePermits() == 0) {
            raised.release();
        }
    }

    /** Wakes up to {@code workers} waiting workers at once (when stopping). */
    public void wakeAll(int workers) {
        raised.release(Math.max(1, workers));
    }

    /** Waits until woken or the timeout passes. */
    public void await(Duration timeout) throws InterruptedException {
        raised.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
