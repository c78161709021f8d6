package org.waypoint.plan.action.scheduling;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.waypoint.plan.action.application.ReviewingActions;

/**
 * Runs the action review on a schedule ({@code waypoint.plan.overdue-scan-interval}, default one
 * minute): cheap when nothing is due, since it reads only actions whose review date has come. The
 * service's scheduled jobs live in a feature's {@code scheduling} package (this is plan-service's
 * only one), switched on and off together by {@code SchedulingConfiguration}.
 */
@Component
public class OverdueScan {

    private final ReviewingActions reviewing;

    public OverdueScan(ReviewingActions reviewing) {
        this.reviewing = reviewing;
    }

    @Scheduled(fixedDelayString = "${waypoint.plan.overdue-scan-interval:PT1M}",
               initialDelayString = "${waypoint.plan.overdue-scan-initial-delay:PT5S}")
    public void scan() {
        reviewing.review();
    }
}
