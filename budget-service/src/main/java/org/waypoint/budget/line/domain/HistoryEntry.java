package org.waypoint.budget.line.domain;

import java.time.Instant;
import java.util.List;

/** One change to a budget line: who, when, what, and each field's value before and after. */
public record HistoryEntry(Instant at, String by, String what, List<Change> changes) {

    public HistoryEntry {
        changes = List.copyOf(changes);
    }

    public record Change(String field, String from, String to) {
    }
}
