package org.waypoint.plan.common.application;

import java.util.Collection;

import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;

/**
 * The one rule of who may write plans and actions, applied by every write path alike (create, update
 * or move with PUT, CSV/XLSX import, progress, exception reports), so that the API and the import
 * never disagree (issue 16). This class holds the rule's two questions about a caller (do they manage
 * an area, are they one of some named people); {@code plan.application.WhoMayWritePlans} applies it
 * to plans and {@code action.application.WhoMayWriteActions} to actions, each next to the aggregate it
 * guards, so that this package depends on neither.
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
 * <p>Leads from another area: a caller who names themself as a lead while their token places them in
 * other areas only is refused (400 naming {@code leads[i].username}); every other lead named by
 * username is looked up in the platform's staff directory ({@code action.application.LeadsInTheDirectory}):
 * unknown, or working in another area, is 400 naming {@code leads[i].username}; the directory
 * unreachable is 503 with nothing stored.
 */
public final class WhoMayWrite {

    private WhoMayWrite() {
    }

    /** Officers and admins anywhere; managers within their service areas. No area: officers and admins only. */
    public static boolean managesArea(Caller caller, String area) {
        return caller.has(Roles.ADMIN) || caller.has(Roles.PERFORMANCE_OFFICER)
                || caller.has(Roles.MANAGER) && caller.worksIn(area);
    }

    /** The caller is staff or a manager and is one of {@code usernames} (a plan's owner, an action's leads). */
    public static boolean isOneOf(Caller caller, Collection<String> usernames) {
        return (caller.has(Roles.STAFF) || caller.has(Roles.MANAGER)) && caller.username() != null
                && usernames.contains(caller.username());
    }
}
