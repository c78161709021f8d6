package org.waypoint.plan.common.domain;

import java.time.Instant;
import java.util.List;

/** One change in a plan's or an action's history: who, when, what, and each field before and after. */
public record HistoryEntry(Instant at, String by, String what, List<FieldChange> changes) {

    public HistoryEntry {
        changes = List.copyOf(changes);
    }
}
