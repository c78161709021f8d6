package org.waypoint.risk.risk.domain;

import java.time.Instant;

import org.waypoint.risk.register.domain.Assessment;

/**
 * One line of a risk's history: who did what, when and why. Assessment changes carry the
 * assessment concerned (ORIGINAL, CURRENT, TARGET) and its value before and after; a review that
 * changed nothing still records its justification.
 */
public record HistoryEntry(Instant at, String by, Kind kind, String assessment, Assessment before, Assessment after,
                           String justification, String detail) {

    public enum Kind { RAISED, IMPORTED, ASSESSED, REVIEWED, REBANDED, DETAILS_CHANGED, MITIGATION_ADDED, MITIGATION_CHANGED, CLOSED }
}
