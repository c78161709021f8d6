package org.waypoint.notification.alert.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counters under {@code waypoint.notifications.*}: sent, failed (an attempt the mail server refused),
 * retried (an attempt after a failure), deduplicated (by event id, or by alert identity),
 * dead-lettered, events received, possible duplicates (a resend after an attempt whose outcome is
 * unknown, ADR 43); gauges of events waiting and alerts pending. Consumer lag comes
 * from the Kafka client's own metrics ({@code kafka.consumer.fetch.manager.records.lag.max}).
 */
@Component
public class NotificationMetrics {

    private final Counter sent;
    private final Counter failed;
    private final Counter retried;
    private final Counter duplicateEvents;
    private final Counter duplicateAlerts;
    private final Counter deadLettered;
    private final Counter received;
    private final Counter possibleDuplicates;

    public NotificationMetrics(MeterRegistry registry, EventInbox inbox) {
        sent = registry.counter("waypoint.notifications.sent");
        failed = registry.counter("waypoint.notifications.failed");
        retried = registry.counter("waypoint.notifications.retried");
        duplicateEvents = registry.counter("waypoint.notifications.deduplicated", "by", "event");
        duplicateAlerts = registry.counter("waypoint.notifications.deduplicated", "by", "alert");
        deadLettered = registry.counter("waypoint.notifications.dead.lettered");
        received = registry.counter("waypoint.notifications.events.received");
        possibleDuplicates = Counter.builder("waypoint.notifications.possible.duplicates")
                .description("Emails sent again after an attempt whose outcome was unknown (its sender died, or the SMTP"
                        + " conversation broke, while handing the message over): each may be a second copy (ADR 43)")
                .register(registry);
        Gauge.builder("waypoint.notifications.events.waiting", inbox, i -> i.count(EventInbox.Status.WAITING))
                .description("Events waiting to be retried (e.g. for the directory)").register(registry);
    }

    public void sent(int attempt) {
        sent.increment();
        if (attempt > 1) {
            retried.increment();
        }
    }

    public void failed(int attempt) {
        failed.increment();
        if (attempt > 1) {
            retried.increment();
        }
    }

    public void duplicateEvent() {
        duplicateEvents.increment();
    }

    public void duplicateAlert() {
        duplicateAlerts.increment();
    }

    /** An alert is sent again although the mail server may have accepted an earlier attempt. */
    public void possibleDuplicate() {
        possibleDuplicates.increment();
    }

    public void deadLettered() {
        deadLettered.increment();
    }

    public void received() {
        received.increment();
    }
}
