package org.waypoint.plan.action.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionId;
import org.waypoint.plan.action.domain.ActionStatus;
import org.waypoint.plan.common.domain.HistoryEntry;

/** Reading actions for people: one, its history, or a filtered, sorted page. */
public interface ActionQueries {

    /** Filters; {@code null} means "any". Dates compare with the date the action is judged by. */
    record Filter(String planId, String priorityId, String serviceArea, String lead, ActionStatus status,
                  LocalDate dueBefore, LocalDate dueAfter, String text) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null, null, null);
        }
    }

    record Page(List<Action> items, long total, int page, int size) {
    }

    Optional<Action> find(ActionId id);

    Page list(Filter filter, int page, int size, String sortField, boolean ascending);

    List<HistoryEntry> history(ActionId id);
}
