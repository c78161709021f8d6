package org.waypoint.plan.common.application;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionDetails;
import org.waypoint.plan.action.domain.Lead;
import org.waypoint.plan.plan.domain.Plan;
import org.waypoint.plan.plan.domain.PlanDetails;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * The one rule of who may write plans and actions, applied by every write path alike (create, update
 * or move with PUT, CSV/XLSX import, progress, exception reports), so that the API and the import
 * never disagree (issue 16).
 *
 * <p>The service area of the target (the plan) and of the item (the action), before and after the
 * change, must each be one the caller may write:
 * <ul>
 * <li>performance officers and admins anywhere;</li>
 * <li>managers only within their service areas (token claim {@code service_area}): a plan with no
 * area is for officers and admins only;</li>
 * <li>staff only for actions they lead (progress, exception reports), and a lead may add an action
 * they lead only when both the plan and the action are in their own area;</li>
 * <li>a plan's owner may change their plan, but not move it to an area they do not manage.</li>
 * </ul>
 * An action always has a service area (400 naming {@code serviceArea} otherwise), so that some
 * manager always sees it.
 *
 * <p>Leads from another area: a lead is named by username, and plan-service holds no directory of
 * people (nor a credential for Keycloak's user API: notification-service's directory is the only
 * reader of it). The only area data it has is the caller's own token. So the one lead whose area it
 * can know is the caller: a caller who names themself as a lead while their token places them in
 * other areas only is refused (400 naming {@code leads[i].username}); other usernames cannot be
 * checked here.
 */
public final class WhoMayWrite {

    private WhoMayWrite() {
    }

    /** Officers and admins anywhere; managers within their service areas. No area: officers and admins only. */
    public static boolean managesArea(Caller caller, String area) {
        return caller.has(Roles.ADMIN) || caller.has(Roles.PERFORMANCE_OFFICER)
                || caller.has(Roles.MANAGER) && caller.worksIn(area);
    }

    private static boolean isOneOf(Caller caller, Collection<String> usernames) {
        return (caller.has(Roles.STAFF) || caller.has(Roles.MANAGER)) && caller.username() != null
                && usernames.contains(caller.username());
    }

    private static String areaOf(Plan plan) {
        return plan == null ? null : plan.details().serviceArea();
    }

    // ------------------------------------------------------------------ plans

    public static void createPlan(Caller caller, PlanDetails details) {
        if (!managesArea(caller, details.serviceArea())) {
            throw new AccessDeniedException("may not create plans in " + details.serviceArea());
        }
    }

    /** The owner may change their plan in its area; moving it needs a manager of the new area (or an officer). */
    public static void changePlan(Caller caller, Plan before, PlanDetails after) {
        List<String> owners = before.details().owner() == null ? List.of() : List.of(before.details().owner());
        boolean owner = isOneOf(caller, owners);
        boolean sameArea = Objects.equals(before.details().serviceArea(), after.serviceArea());
        if (!(managesArea(caller, before.details().serviceArea()) || owner)
                || !(managesArea(caller, after.serviceArea()) || owner && sameArea)) {
            throw new AccessDeniedException("may not change plan " + before.id());
        }
    }

    // ------------------------------------------------------------------ actions

    /** 400 naming {@code serviceArea} when the action has none. */
    public static void requireArea(ActionDetails details) {
        if (details.serviceArea() == null) {
            throw new InvalidInputException("serviceArea", "must name the service area the action belongs to");
        }
    }

    /**
     * Why {@code caller} may not add an action with {@code details} to {@code plan}, or empty when
     * they may. (The area must be there: {@link #requireArea}.)
     */
    public static Optional<String> whyNotAdd(Caller caller, Plan plan, ActionDetails details) {
        String planArea = areaOf(plan);
        String area = details.serviceArea();
        if (managesArea(caller, planArea) && managesArea(caller, area)) {
            return Optional.empty();
        }
        if (isOneOf(caller, leadUsernames(details.leads()))) {
            if (!caller.worksIn(planArea)) {
                return Optional.of("you may add an action you lead only to a plan of your own service area, not "
                        + (planArea == null ? "a plan of no area" : planArea));
            }
            if (!caller.worksIn(area)) {
                return Optional.of("you may add an action you lead only in your own service area, not " + area);
            }
            return Optional.empty();
        }
        if (!managesArea(caller, planArea)) {
            return Optional.of("you may not add actions to a plan of " + (planArea == null ? "no service area" : planArea));
        }
        return Optional.of("you may not add actions in " + area);
    }

    /** Adding an action to a plan (POST, and each row of an import). */
    public static void add(Caller caller, Plan plan, ActionDetails details) {
        requireArea(details);
        Optional<String> whyNot = whyNotAdd(caller, plan, details);
        if (whyNot.isPresent()) {
            throw new AccessDeniedException(whyNot.get());
        }
        leadsAreInTheArea(caller, details);
    }

    /**
     * New details (PUT), including a move to another plan or area: managers of every one of the
     * areas involved (the plan and the action, before and after), officers, admins. Not leads.
     */
    public static void change(Caller caller, Plan planBefore, Action before, Plan planAfter, ActionDetails after) {
        requireArea(after);
        for (String area : new String[] {areaOf(planBefore), before.details().serviceArea(), areaOf(planAfter),
                after.serviceArea()}) {
            if (!managesArea(caller, area)) {
                throw new AccessDeniedException("may not change action " + before.id() + " in or into "
                        + (area == null ? "no service area" : area));
            }
        }
        leadsAreInTheArea(caller, after);
    }

    /** Progress and exception reports: a lead of the action, or a manager of both its area and its plan's. */
    public static void report(Caller caller, Plan plan, Action action) {
        if (isOneOf(caller, action.leadUsernames())) {
            return;
        }
        if (!managesArea(caller, areaOf(plan)) || !managesArea(caller, action.details().serviceArea())) {
            throw new AccessDeniedException("may not change action " + action.id());
        }
    }

    /** Importing into a plan is changing the plan: its area's managers, officers and admins (not leads). */
    public static void importInto(Caller caller, Plan plan) {
        if (!managesArea(caller, areaOf(plan))) {
            throw new AccessDeniedException("may not import actions into plan " + plan.id());
        }
    }

    /** The caller named as a lead must work in the action's area, when their token says where they work. */
    static void leadsAreInTheArea(Caller caller, ActionDetails details) {
        if (caller.username() == null || caller.serviceAreas().isEmpty() || caller.worksIn(details.serviceArea())) {
            return;
        }
        List<Lead> leads = details.leads();
        for (int i = 0; i < leads.size(); i++) {
            if (caller.username().equals(leads.get(i).username())) {
                throw new InvalidInputException("leads[" + i + "].username", "works in " + String.join(", ",
                        caller.serviceAreas().stream().sorted().toList()) + ", not in the action's service area "
                        + details.serviceArea());
            }
        }
    }

    private static List<String> leadUsernames(List<Lead> leads) {
        List<String> usernames = new ArrayList<>();
        leads.forEach(l -> {
            if (l.username() != null) {
                usernames.add(l.username());
            }
        });
        return usernames;
    }
}
