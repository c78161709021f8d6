package org.waypoint.risk.api;

import java.time.LocalDate;

/** An open risk's next review is close (within the configured notice). Published once per review date. */
public record RiskReviewDue(
        String riskId,
        String registerId,
        String code,
        String title,
        String serviceArea,
        PersonRef owner,
        ScoreRef current,
        String reviewFrequency,
        LocalDate lastReviewedOn,
        LocalDate nextReviewDue,
        LocalDate detectedOn) implements RiskEvent {
}
