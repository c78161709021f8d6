package org.waypoint.plan.action.messaging;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.waypoint.plan.action.application.DetectingOverdueActions;

/** Runs the overdue check on a schedule ({@code waypoint.plan.overdue-scan-interval}, default one minute). */
@Component
public class OverdueScan {

    private final DetectingOverdueActions detecting;

    public OverdueScan(DetectingOverdueActions detecting) {
        this.detecting = detecting;
    }

    @Scheduled(fixedDelayString = "${waypoint.plan.overdue-scan-interval:PT1M}",
               initialDelayString = "${waypoint.plan.overdue-scan-initial-delay:PT5S}")
    public void scan() {
        detecting.detect();
    }
}
