package org.waypoint.plan.plan.application;

import java.util.List;
import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;
import org.waypoint.plan.common.application.WhoMayWrite;
import org.waypoint.plan.plan.domain.Plan;
import org.waypoint.plan.plan.domain.PlanDetails;
import org.waypoint.platform.security.Caller;

/**
 * {@link WhoMayWrite}, the one rule of who may write, applied to plans: officers and admins
 * anywhere, managers within their service areas; a plan's owner may change their plan, but not move
 * it to an area they do not manage.
 */
public final class WhoMayWritePlans {

    private WhoMayWritePlans() {
    }

    public static void createPlan(Caller caller, PlanDetails details) {
        if (!WhoMayWrite.managesArea(caller, details.serviceArea())) {
            throw new AccessDeniedException("may not create plans in " + details.serviceArea());
        }
    }

    /** The owner may change their plan in its area; moving it needs a manager of the new area (or an officer). */
    public static void changePlan(Caller caller, Plan before, PlanDetails after) {
        List<String> owners = before.details().owner() == null ? List.of() : List.of(before.details().owner());
        boolean owner = WhoMayWrite.isOneOf(caller, owners);
        boolean sameArea = Objects.equals(before.details().serviceArea(), after.serviceArea());
        if (!(WhoMayWrite.managesArea(caller, before.details().serviceArea()) || owner)
                || !(WhoMayWrite.managesArea(caller, after.serviceArea()) || owner && sameArea)) {
            throw new AccessDeniedException("may not change plan " + before.id());
        }
    }
}
