package org.waypoint.risk.risk.application;

import java.time.LocalDate;

import org.waypoint.platform.validation.Text;
import org.waypoint.risk.risk.domain.Mitigation;
import org.waypoint.risk.risk.domain.MitigationStatus;
import org.waypoint.risk.risk.domain.Person;

/** A mitigation or control as a person describes it: its text may run over several lines (no other control characters). */
public record NewMitigation(String text, Person owner, LocalDate dueDate, MitigationStatus status, Mitigation.Reduces reduces) {

    public NewMitigation {
        Text.multiLine("text", text);
    }

    public Mitigation toMitigation(String id) {
        return new Mitigation(id, text, owner, dueDate, status, reduces, null);
    }
}
