package org.waypoint.plan.action.application;

import static org.waypoint.plan.common.application.WhoMayWrite.isOneOf;
import static org.waypoint.plan.common.application.WhoMayWrite.managesArea;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionDetails;
import org.waypoint.plan.action.domain.Lead;
import org.waypoint.plan.common.application.WhoMayWrite;
import org.waypoint.plan.plan.domain.Plan;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * {@link WhoMayWrite}, the one rule of who may write, applied to actions: the areas of the plan and
 * of the action, before and after a change, must each be one the caller manages; a lead records
 * progress and exception reports on their own actions, and may add an action they lead only when
 * both the plan and the action are in their own area. An action always has a service area.
 */
public final class WhoMayWriteActions {

    private WhoMayWriteActions() {
    }

    private static String areaOf(Plan plan) {
        return plan == null ? null : plan.details().serviceArea();
    }

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

    /**
     * The caller named as a lead must work in the action's area, when their token says where they work
     * (every lead, the caller included, is also checked against the directory: {@link LeadsInTheDirectory}).
     */
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
