package org.waypoint.plan.action.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.waypoint.plan.api.PlanEvent;
import org.waypoint.plan.common.domain.HistoryEntry;

/**
 * Where actions are kept. Saving an action, the events it caused and its history entry is one
 * step; {@code nextReviewOn} is when the passage of time could next change it.
 */
public interface Actions {

    void insert(Action action, List<PlanEvent> events, HistoryEntry change, LocalDate nextReviewOn);

    /** Saves a changed action; fails if someone else changed it since it was read. {@code change} may be null. */
    void update(Action action, List<PlanEvent> events, HistoryEntry change, LocalDate nextReviewOn);

    Optional<Action> find(ActionId id);

    /** Actions whose next review date has come: the only ones the passage of time can have changed. */
    List<Action> dueForReview(LocalDate today, int limit);
}
