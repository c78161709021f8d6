package org.waypoint.plan.action.domain;

import org.waypoint.platform.validation.InvalidInputException;

/**
 * How status is derived, made explicit: an open action is <em>at risk</em> when its progress is
 * more than {@code atRiskGap} percentage points behind the share of the time from start to due
 * that has passed (e.g. 60% of the time gone, 30% done, gap 25: at risk), and <em>due soon</em>
 * from {@code dueSoonDays} days before its due date.
 */
public record StatusRule(int atRiskGap, int dueSoonDays) {

    public static final StatusRule DEFAULT = new StatusRule(25, 14);

    public StatusRule {
        if (atRiskGap < 0 || atRiskGap > 100) {
            throw new InvalidInputException("atRiskGap", "must be between 0 and 100");
        }
        if (dueSoonDays < 0 || dueSoonDays > 365) {
            throw new InvalidInputException("dueSoonDays", "must be between 0 and 365");
        }
    }
}
