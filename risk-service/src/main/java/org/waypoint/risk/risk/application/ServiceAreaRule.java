package org.waypoint.risk.risk.application;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.risk.register.application.RegisterWriteRule;

/**
 * The one write rule of risk-service, applied by every path that changes a register or a risk (the
 * API and the register import alike): the service area of the register a risk is in and the risk's
 * own service area, as they are before the change and as they are after it, must each be one the
 * caller may write.
 * <ul>
 * <li>Performance officers and admins write anywhere.</li>
 * <li>Managers write within the service areas they work in.</li>
 * <li>A risk's owner (and, for a mitigation, the mitigation's owner) writes their own risk where it
 * is, but puts a risk somewhere (raises it, moves it to another register or service area) only
 * within the service areas they work in: never out of reach of the areas they may write.</li>
 * <li>A register without a service area (an organisation-wide one) is written by performance
 * officers and admins only. Auditors and integrators write nothing.</li>
 * </ul>
 * A refusal is an {@link AccessDeniedException} (403).
 */
public final class ServiceAreaRule {

    /** Where a risk is: the service area of its register and its own (either may be null in old data). */
    public record Place(String registerArea, String riskArea) {
    }

    private ServiceAreaRule() {
    }

    /** Creating a register, changing its banding or appetites, importing into it. */
    public static void requireMayChangeRegister(Caller caller, String registerArea) {
        RegisterWriteRule.requireMayChangeRegister(caller, registerArea);
    }

    /** A new risk (raised through the API or imported) at {@code at}, owned by {@code owner}. */
    public static void requireMayRaise(Caller caller, Place at, String owner) {
        List<String> owners = owner == null ? List.of() : List.of(owner);
        requireMayPut(caller, at.registerArea(), owners, "register");
        requireMayPut(caller, at.riskArea(), owners, "risk");
    }

    /**
     * A change to an existing risk: where it is ({@code before}) must be writable by the caller as
     * its owner, a manager there or an officer; where it goes ({@code after}, when that differs)
     * must be an area the caller may put a risk in.
     *
     * @param owners usernames of the risk's owner (and, for a change to a mitigation, the mitigations' owners) before the change
     */
    public static void requireMayChange(Caller caller, Place before, Place after, Collection<String> owners) {
        for (String area : new String[] {before.registerArea(), before.riskArea()}) {
            if (!writesAnywhere(caller) && !manages(caller, area) && !owns(caller, owners)) {
                throw new AccessDeniedException("Only the risk owner, a manager of its service area (" + describe(area)
                        + ") or a performance officer may change it");
            }
        }
        if (!Objects.equals(before.registerArea(), after.registerArea())) {
            requireMayPut(caller, after.registerArea(), owners, "register");
        }
        if (!Objects.equals(before.riskArea(), after.riskArea())) {
            requireMayPut(caller, after.riskArea(), owners, "risk");
        }
    }

    private static void requireMayPut(Caller caller, String area, Collection<String> owners, String what) {
        boolean ownerWorkingThere = owns(caller, owners) && caller.worksIn(area);
        if (!writesAnywhere(caller) && !manages(caller, area) && !ownerWorkingThere) {
            throw new AccessDeniedException("You may not put a risk in a " + what + " of " + describe(area)
                    + ": only in the service areas you " + (caller.has(Roles.MANAGER) ? "manage" : "work in, for risks you own"));
        }
    }

    private static boolean writesAnywhere(Caller caller) {
        return RegisterWriteRule.writesAnywhere(caller);
    }

    private static boolean manages(Caller caller, String area) {
        return RegisterWriteRule.manages(caller, area);
    }

    private static boolean owns(Caller caller, Collection<String> owners) {
        return (caller.has(Roles.STAFF) || caller.has(Roles.MANAGER)) && owners != null && caller.username() != null
                && owners.contains(caller.username());
    }

    private static String describe(String area) {
        return RegisterWriteRule.describe(area);
    }
}
