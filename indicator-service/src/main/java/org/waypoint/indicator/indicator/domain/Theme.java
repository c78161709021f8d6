package org.waypoint.indicator.indicator.domain;

/** The balanced-scorecard themes councils group indicators under (seed 000's quality dashboard, seed 004's scorecard). */
public enum Theme {
    CUSTOMERS, PROCESS, OUTCOME, PEOPLE, FINANCE
}
