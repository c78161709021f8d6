package org.waypoint.plan.action.application;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.waypoint.plan.action.domain.StatusRule;

/**
 * The organisation's status rule, from configuration: {@code waypoint.plan.at-risk-gap}
 * (percentage points, default 25) and {@code waypoint.plan.due-soon-days} (default 14).
 */
@Component
public class StatusRules {

    private final StatusRule rule;

    public StatusRules(@Value("${waypoint.plan.at-risk-gap:25}") int atRiskGap,
                       @Value("${waypoint.plan.due-soon-days:14}") int dueSoonDays) {
        this.rule = new StatusRule(atRiskGap, dueSoonDays);
    }

    public StatusRule current() {
        return rule;
    }
}
