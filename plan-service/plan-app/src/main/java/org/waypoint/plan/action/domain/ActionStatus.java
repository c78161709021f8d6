package org.waypoint.plan.action.domain;

/** Where an action stands. Overdue and at risk are derived from dates and progress, never typed. */
public enum ActionStatus {
    NOT_STARTED, ON_TRACK, AT_RISK, OVERDUE, COMPLETE, POSTPONED, CANCELLED;

    public boolean isClosed() {
        return this == COMPLETE || this == CANCELLED;
    }
}
