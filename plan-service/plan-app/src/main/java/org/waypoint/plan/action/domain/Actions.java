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

    /** A new action to save: what it caused, its first history entry and its first review date (may be null). */
    record Insertion(Action action, List<PlanEvent> events, HistoryEntry change, LocalDate nextReviewOn) {
        public Insertion {
            events = List.copyOf(events);
        }
    }

    void insert(Insertion insertion);

    /** Saves many new actions, in as few writes as the store allows; each is saved as by {@link #insert}. */
    void insertAll(List<Insertion> insertions);

    /** Saves a changed action; fails if someone else changed it since it was read. {@code change} may be null. */
    void update(Action action, List<PlanEvent> events, HistoryEntry change, LocalDate nextReviewOn);

    Optional<Action> find(ActionId id);

    /**
     * Up to {@code limit} actions whose next review date has come: the only ones the passage of time
     * can have changed. Called again until it returns fewer than {@code limit}; an action reviewed
     * meanwhile (its next review date moved past today) is not returned again.
     */
    List<Action> dueForReview(LocalDate today, int limit);

    /**
     * The review of {@code today} is complete: every action due by today has been returned by
     * {@link #dueForReview} and saved, or changed meanwhile by someone else (and so will be found again).
     */
    void reviewedUpTo(LocalDate today);
}
