package org.waypoint.risk.risk.application;

import java.time.LocalDate;

import org.waypoint.risk.risk.domain.Mitigation;
import org.waypoint.risk.risk.domain.MitigationStatus;
import org.waypoint.risk.risk.domain.Person;

/** A mitigation or control as a person describes it. */
public record NewMitigation(String text, Person owner, LocalDate dueDate, MitigationStatus status, Mitigation.Reduces reduces) {

    public Mitigation toMitigation(String id) {
        return new Mitigation(id, text, owner, dueDate, status, reduces, null);
    }
}
