package org.waypoint.risk.api;

import java.time.LocalDate;

/** An open risk passed its review date without a review. Published once per review date. */
public record RiskReviewOverdue(
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
        int daysOverdue,
        LocalDate detectedOn) implements RiskEvent {
}
