package org.waypoint.risk.api;

import java.time.Instant;

/** A risk was closed, with the reason and its final current assessment. */
public record RiskClosed(
        String riskId,
        String registerId,
        String code,
        String title,
        String serviceArea,
        PersonRef owner,
        ScoreRef finalAssessment,
        String reason,
        String closedBy,
        Instant closedAt) implements RiskEvent {
}
