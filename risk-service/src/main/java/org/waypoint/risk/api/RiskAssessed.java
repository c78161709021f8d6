package org.waypoint.risk.api;

import java.time.Instant;

/**
 * One of a risk's assessments changed: a re-assessment, a review that changed it, or a re-banding
 * (the register's matrix changed and the same score now falls in another band).
 *
 * @param assessment ORIGINAL, CURRENT or TARGET
 * @param kind       ASSESSMENT, REVIEW, REBANDING or IMPORT
 * @param previous   null when there was none (a first target)
 */
public record RiskAssessed(
        String riskId,
        String registerId,
        String code,
        String title,
        String category,
        String serviceArea,
        PersonRef owner,
        String assessment,
        String kind,
        ScoreRef previous,
        ScoreRef assessed,
        boolean aboveAppetite,
        String justification,
        String assessedBy,
        Instant assessedAt) implements RiskEvent {
}
