package org.waypoint.notification.alert.mail;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.waypoint.notification.alert.application.DispatchSignal;
import org.waypoint.notification.alert.application.DispatchingAlerts;

/**
 * Sends pending alerts: at once when alerts are raised ({@link DispatchSignal}), and at least every
 * {@code waypoint.mail.dispatch-interval} (default one second) for retries. Off with
 * {@code waypoint.scheduling.enabled=false}.
 */
@Component
public class AlertDispatchLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertDispatchLoop.class);

    private final DispatchingAlerts dispatching;
    private final DispatchSignal signal;
    private final Duration interval;
    private final boolean enabled;
    private volatile boolean running;
    private volatile Thread worker;

    public AlertDispatchLoop(DispatchingAlerts dispatching, DispatchSignal signal,
                             @Value("${waypoint.mail.dispatch-interval:PT1S}") Duration interval,
                             @Value("${waypoint.scheduling.enabled:true}") boolean enabled) {
        this.dispatching = dispatching;
        this.signal = signal;
        this.interval = interval;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        running = true;
        if (enabled) {
            worker = Thread.ofPlatform().name("alert-dispatch").daemon().start(this::loop);
        }
    }

    private void loop() {
        while (running) {
            try {
                dispatching.dispatchPending();
            } catch (RuntimeException e) {
                log.warn("Dispatch pass failed; retrying: {}", e.getMessage());
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
    public void stop() {
        running = false;
        Thread t = worker;
        if (t != null) {
            signal.wake(); // let a pass in progress finish (never cut an SMTP send in two), then leave
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
