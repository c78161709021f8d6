package org.waypoint.notification.alert.mail;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.waypoint.notification.alert.application.DispatchingAlerts;

/** Sends pending alerts every {@code waypoint.mail.dispatch-interval} (default one second). */
@Component
public class AlertDispatchSchedule {

    private final DispatchingAlerts dispatching;

    public AlertDispatchSchedule(DispatchingAlerts dispatching) {
        this.dispatching = dispatching;
    }

    @Scheduled(fixedDelayString = "${waypoint.mail.dispatch-interval:PT1S}")
    public void dispatch() {
        dispatching.dispatchPending();
    }
}
