package org.waypoint.risk.api;

import java.time.Instant;
import java.util.List;

/**
 * A risk's current assessment moved into a higher band, into the top band, or above the appetite
 * for its category. Published once per transition: staying there publishes nothing more; falling
 * back and rising again is a new transition.
 *
 * @param reasons any of HIGHER_BAND, TOP_BAND, ABOVE_APPETITE
 */
public record RiskEscalated(
        String riskId,
        String registerId,
        String registerName,
        String code,
        String title,
        String category,
        String serviceArea,
        PersonRef owner,
        List<String> reasons,
        String previousBand,
        ScoreRef current,
        String appetite,
        String escalatedBy,
        Instant escalatedAt) implements RiskEvent {

    public RiskEscalated {
        reasons = List.copyOf(reasons);
    }
}
