package org.waypoint.indicator.indicator.domain;

import java.util.Objects;

/** A status and why: grey for "no data", "no target" and "monitor only" are kept apart, and never red. */
public record Assessment(Status status, Reason reason) {

    public enum Reason {
        MEETS_TARGET, WITHIN_TOLERANCE, BEYOND_TOLERANCE,
        /** Directional target moved the wanted way. */
        MOVED_AS_WANTED,
        NO_DATA, NO_TARGET, TARGET_TBC, MONITOR_ONLY,
        /** "Increase"/"Reduce" with neither a previous value nor a baseline to judge against. */
        NO_COMPARATOR
    }

    public Assessment {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    static Assessment grey(Reason reason) {
        return new Assessment(Status.GREY, reason);
    }
}
