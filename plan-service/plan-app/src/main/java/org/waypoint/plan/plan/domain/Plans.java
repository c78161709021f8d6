package org.waypoint.plan.plan.domain;

import java.util.List;
import java.util.Optional;

import org.waypoint.plan.api.PlanEvent;
import org.waypoint.plan.common.domain.HistoryEntry;

/** Where plans are kept, each saved with the events it caused and its change history. */
public interface Plans {

    void insert(Plan plan, List<PlanEvent> events, HistoryEntry change);

    void update(Plan plan, List<PlanEvent> events, HistoryEntry change);

    Optional<Plan> find(PlanId id);
}
