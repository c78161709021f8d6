package org.waypoint.notification.alert.application;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/** Wakes the mail dispatcher as soon as alerts are raised, instead of leaving them to its next scheduled pass. */
@Component
public class DispatchSignal {

    private final Semaphore raised = new Semaphore(0);

    public void wake() {
        if (raised.availablePermits() == 0) {
            raised.release();
        }
    }

    /** Waits until woken or the timeout passes. */
    public void await(Duration timeout) throws InterruptedException {
        if (raised.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            raised.drainPermits();
        }
    }
}
