package org.waypoint.risk.risk.domain;

import java.time.LocalDate;
import java.util.Objects;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/**
 * A mitigation or control of a risk: what is done, who does it, by when, where it stands, and what
 * it is expected to reduce (the likelihood, the impact, or both) to move the current assessment
 * towards the target. {@code overdueAnnouncedFor} remembers the due date already announced as missed.
 */
public record Mitigation(String id, String text, Person owner, LocalDate dueDate, MitigationStatus status,
                         Reduces reduces, LocalDate overdueAnnouncedFor) {

    public static final int MAX_TEXT = 2000;

    /** Which part of the assessment a mitigation is expected to bring down. */
    public enum Reduces { LIKELIHOOD, IMPACT, BOTH }

    public Mitigation {
        Objects.requireNonNull(id);
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("mitigation.text", "must not be blank");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("mitigation.text", "must be at most " + MAX_TEXT + " characters");
        }
        Text.multiLine("mitigation.text", text);
        text = text.strip();
        status = status == null ? MitigationStatus.PLANNED : status;
    }

    public boolean isOverdueOn(LocalDate today) {
        return status.isOpen() && dueDate != null && today.isAfter(dueDate);
    }

    Mitigation announcedOverdue() {
        return new Mitigation(id, text, owner, dueDate, status, reduces, dueDate);
    }
}
