package org.waypoint.plan.action.application;

import java.util.List;
import java.util.Optional;

import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionId;
import org.waypoint.plan.action.domain.ActionStatus;

/** Reading actions for people: one, or a filtered, sorted page. */
public interface ActionQueries {

    /** Filters; {@code null} means "any". */
    record Filter(String planId, String serviceArea, String lead, ActionStatus status, String text) {
    }

    record Page(List<Action> items, long total, int page, int size) {
    }

    Optional<Action> find(ActionId id);

    Page list(Filter filter, int page, int size, String sortField, boolean ascending);
}
