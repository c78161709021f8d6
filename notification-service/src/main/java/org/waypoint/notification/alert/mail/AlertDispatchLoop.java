package org.waypoint.notification.alert.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.waypoint.notification.alert.application.DispatchSignal;
import org.waypoint.notification.alert.application.DispatchingAlerts;

/**
 * Sends pending alerts with {@code waypoint.mail.dispatch-workers} threads (default 4), each claiming
 * and sending up to {@code waypoint.mail.batch-size} alerts (default 20) at a time over one SMTP
 * connection: at once when alerts are raised ({@link DispatchSignal}; a worker that found a full batch
 * wakes another), and at least every {@code waypoint.mail.dispatch-interval} (default one second) for
 * retries. After the mail server refused something a worker waits for the interval. The send queue is
 * checked for pending alerts missing from it at start. When stopping, each worker finishes the message
 * it is handing over and gives the rest of its batch back (ADR 43). Off with
 * {@code waypoint.scheduling.enabled=false}.
 */
@Component
public class AlertDispatchLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatchLoop.class);

    private final DispatchingAlerts dispatching;
    private final DispatchSignal signal;
    private final Duration interval;
    private final int workers;
    private final int batchSize;
    private final boolean enabled;
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();

    public AlertDispatchLoop(DispatchingAlerts dispatching, DispatchSignal signal,
                             @Value("${waypoint.mail.dispatch-interval:PT1S}") Duration interval,
                             @Value("${waypoint.mail.dispatch-workers:4}") int workers,
                             @Value("${waypoint.mail.batch-size:20}") int batchSize,
                             @Value("${waypoint.scheduling.enabled:true}") boolean enabled) {
        if (workers < 1 || batchSize < 1) {
            throw new IllegalArgumentException("waypoint.mail.dispatch-workers and waypoint.mail.batch-size must be at least 1");
        }
        this.dispatching = dispatching;
        this.signal = signal;
        this.interval = interval;
        this.workers = workers;
        this.batchSize = batchSize;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        running = true;
        if (!enabled) {
            return;
        }
        try {
            dispatching.restoreQueue();
        } catch (RuntimeException e) {
            log.warn("Could not check the send queue at start (checked again later): {}", e.getMessage());
        }
        for (int i = 1; i <= workers; i++) {
            threads.add(Thread.ofPlatform().name("alert-dispatch-" + i).daemon().start(this::loop));
        }
    }

    private void loop() {
        while (running) {
            DispatchingAlerts.Pass pass;
            try {
                pass = dispatching.dispatchBatch(batchSize, () -> running);
            } catch (RuntimeException e) {
                log.warn("Dispatch pass failed; retrying: {}", e.getMessage());
                pass = null;
            }
            if (pass != null && pass.failed() == 0 && pass.claimed() > 0) {
                if (pass.claimed() == batchSize) {
                    signal.wake(); // there may be more: let another worker share it
                }
                continue;
            }
            try {
                signal.await(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        // let each pass finish the message it is handing over (never cut an SMTP send in two) and give the rest of
        // its batch back to the queue, then leave
        signal.wakeAll(threads.size());
        for (Thread t : threads) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
