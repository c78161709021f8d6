package org.waypoint.plan.plan.application;

import java.util.List;
import java.util.Optional;

import org.waypoint.plan.common.domain.HistoryEntry;
import org.waypoint.plan.plan.domain.Plan;
import org.waypoint.plan.plan.domain.PlanId;
import org.waypoint.plan.plan.domain.PlanStatus;

/** Reading plans. */
public interface PlanQueries {

    record Filter(String organisation, String serviceArea, PlanStatus status, String text) {
    }

    record Page(List<Plan> items, long total, int page, int size) {
    }

    Optional<Plan> find(PlanId id);

    Page list(Filter filter, int page, int size);

    List<HistoryEntry> history(PlanId id);
}
