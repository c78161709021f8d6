package org.waypoint.risk.api;

import java.time.Instant;
import java.time.LocalDate;

/** A risk was added to a register. */
public record RiskRaised(
        String riskId,
        String registerId,
        String registerName,
        String code,
        String title,
        String category,
        String serviceArea,
        PersonRef owner,
        ScoreRef current,
        ScoreRef target,
        boolean aboveAppetite,
        LocalDate nextReviewDue,
        String raisedBy,
        Instant raisedAt) implements RiskEvent {
}
