package org.waypoint.risk.risk.domain;

/** Where a mitigation or control stands: planned and in progress ones can become overdue; in place and cancelled ones cannot. */
public enum MitigationStatus {
    PLANNED, IN_PROGRESS, IN_PLACE, CANCELLED;

    public boolean isOpen() {
        return this == PLANNED || this == IN_PROGRESS;
    }
}
