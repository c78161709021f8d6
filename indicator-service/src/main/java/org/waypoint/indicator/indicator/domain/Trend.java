package org.waypoint.indicator.indicator.domain;

/** Short trend against the previous period, read through the polarity (up is worse when lower is better). */
public enum Trend {
    IMPROVING, NO_CHANGE, WORSENING
}
