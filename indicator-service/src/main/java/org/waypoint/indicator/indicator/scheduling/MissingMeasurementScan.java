package org.waypoint.indicator.indicator.scheduling;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.waypoint.indicator.indicator.application.DetectingMissingMeasurements;

/** Runs the missing-measurement check on a schedule ({@code waypoint.indicator.missing-scan-interval}, default hourly). */
@Component
public class MissingMeasurementScan {

    private final DetectingMissingMeasurements detecting;

    public MissingMeasurementScan(DetectingMissingMeasurements detecting) {
        this.detecting = detecting;
    }

    @Scheduled(fixedDelayString = "${waypoint.indicator.missing-scan-interval:PT1H}",
               initialDelayString = "${waypoint.indicator.missing-scan-initial-delay:PT1M}")
    public void scan() {
        detecting.detect();
    }
}
