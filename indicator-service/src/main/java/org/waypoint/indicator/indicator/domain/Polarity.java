package org.waypoint.indicator.indicator.domain;

/** Which way is better. Monitor-only indicators have no target and no status. */
public enum Polarity {
    HIGHER_IS_BETTER, LOWER_IS_BETTER, MONITOR_ONLY
}
