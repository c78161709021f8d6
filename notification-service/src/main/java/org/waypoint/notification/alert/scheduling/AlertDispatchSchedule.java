package org.waypoint.notification.alert.scheduling;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.waypoint.notification.alert.application.DispatchingAlerts;
import org.waypoint.notification.alert.application.Escalating;
import org.waypoint.notification.alert.application.ProcessingEvents;
import org.waypoint.notification.alert.application.SendingDigests;

/**
 * The scheduled jobs (sending is {@link AlertDispatchLoop}): retry waiting events and escalate due items every
 * {@code waypoint.notifications.retry-interval}; raise the daily digests when due (checked every
 * ten minutes, sent once a day); check the send queue every {@code waypoint.mail.queue-check-interval}.
 */
@Component
public class AlertDispatchSchedule {

    private final DispatchingAlerts dispatching;
    private final ProcessingEvents events;
    private final Escalating escalating;
    private final SendingDigests digests;

    public AlertDispatchSchedule(DispatchingAlerts dispatching, ProcessingEvents events, Escalating escalating,
                                 SendingDigests digests) {
        this.dispatching = dispatching;
        this.events = events;
        this.escalating = escalating;
        this.digests = digests;
    }

    @Scheduled(fixedDelayString = "${waypoint.notifications.retry-interval:PT5S}")
    public void retryAndEscalate() {
        events.retryWaiting();
        escalating.escalateDue();
    }

    /** Pending alerts missing from the send queue (a crash or a failed write between recording and queueing) are put back. */
    @Scheduled(fixedDelayString = "${waypoint.mail.queue-check-interval:PT5M}",
            initialDelayString = "${waypoint.mail.queue-check-interval:PT5M}")
    public void restoreQueue() {
        dispatching.restoreQueue();
    }

    @Scheduled(fixedDelayString = "${waypoint.notifications.digest-check-interval:PT10M}",
            initialDelayString = "${waypoint.notifications.digest-check-initial-delay:PT10M}")
    public void digests() {
        try {
            digests.sendDue();
        } catch (org.waypoint.notification.alert.domain.DirectoryUnavailableException down) {
            org.slf4j.LoggerFactory.getLogger(AlertDispatchSchedule.class)
                    .warn("Digests wait: the directory is unavailable; tried again at the next check");
        }
    }
}
