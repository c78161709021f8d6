package org.waypoint.plan.plan.application;

import java.time.Clock;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.waypoint.plan.common.domain.HistoryEntry;
import org.waypoint.plan.plan.domain.Plan;
import org.waypoint.plan.plan.domain.PlanDetails;
import org.waypoint.plan.plan.domain.PlanId;
import org.waypoint.plan.plan.domain.Plans;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.errors.NotFoundException;

/** Use cases of plans: performance officers and admins anywhere, managers within their service area ({@link WhoMayWritePlans}). */
@Service
public class ManagingPlans {

    private final Plans plans;
    private final Clock clock;

    public ManagingPlans(Plans plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    /** @param id a readable id, or null for a generated one */
    public Plan create(String id, PlanDetails details, Caller caller) {
        WhoMayWritePlans.createPlan(caller, details);
        Plan.Changed created = Plan.create(id == null ? PlanId.newId() : new PlanId(id), details, caller.username(),
                clock.instant());
        plans.insert(created.plan(), created.events(),
                new HistoryEntry(clock.instant(), caller.username(), "created", Plan.diff(null, created.plan())));
        return created.plan();
    }

    public Plan update(PlanId id, long expectedVersion, PlanDetails details, Caller caller) {
        Plan before = plans.find(id).orElseThrow(() -> new NotFoundException("There is no plan " + id + "."));
        // The plan's owner may change it; moving it to another service area needs a manager of that area
        // (or an officer). Permission is checked before the version, so a caller without it learns nothing more.
        WhoMayWritePlans.changePlan(caller, before, details);
        if (expectedVersion != before.version()) {
            throw new OptimisticLockingFailureException("plan " + id + " is at version " + before.version());
        }
        Plan.Changed changed = before.update(details, caller.username(), clock.instant());
        if (changed.events().isEmpty()) {
            return before;
        }
        plans.update(changed.plan(), changed.events(),
                new HistoryEntry(clock.instant(), caller.username(), "updated", Plan.diff(before, changed.plan())));
        return plans.find(id).orElseThrow();
    }
}
