package org.waypoint.plan.action.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.waypoint.plan.api.PlanEvent;

/** Where actions are kept. Saving an action and recording the events it caused is one step. */
public interface Actions {

    void insert(Action action, List<PlanEvent> events);

    /** Saves a changed action; fails if someone else changed it since it was read. */
    void update(Action action, List<PlanEvent> events);

    Optional<Action> find(ActionId id);

    /** Open actions whose due date is before {@code today} and whose overdue was not announced for it. */
    List<Action> overdueCandidates(LocalDate today, int limit);
}
