package org.waypoint.indicator.indicator.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One period's measurement: a value, or "not yet available" with the date it is expected, plus
 * commentary. Revisions keep what was there before in {@code earlier} (oldest first).
 */
public record Measurement(Period period, MeasuredValue value, LocalDate expectedOn, String commentary,
                          String recordedBy, Instant recordedAt, int revision, List<Revision> earlier) {

    /** What a measurement said before it was revised, who recorded that and when. */
    public record Revision(int revision, MeasuredValue value, LocalDate expectedOn, String commentary,
                           String recordedBy, Instant recordedAt) {
    }

    public Measurement {
        Objects.requireNonNull(period, "period");
        earlier = earlier == null ? List.of() : List.copyOf(earlier);
    }

    public boolean hasValue() {
        return value != null;
    }

    public boolean hasCommentary() {
        return commentary != null && !commentary.isBlank();
    }

    /** This measurement revised: the current one goes into the history. */
    Measurement revisedTo(MeasuredValue newValue, LocalDate newExpectedOn, String newCommentary, String by, Instant at) {
        List<Revision> history = new ArrayList<>(earlier);
        history.add(new Revision(revision, value, expectedOn, commentary, recordedBy, recordedAt));
        return new Measurement(period, newValue, newExpectedOn, newCommentary, by, at, revision + 1, history);
    }
}
