package org.waypoint.risk.register.application;

import org.springframework.security.access.AccessDeniedException;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;

/**
 * Who may change a register (create it, change its banding or appetites, import into it):
 * performance officers and admins anywhere, managers within the register's service area. A register
 * without a service area (an organisation-wide one) is changed by performance officers and admins
 * only. A refusal is an {@link AccessDeniedException} (403). The risk feature's write rule
 * ({@code risk.application.ServiceAreaRule}) builds on this one.
 */
public final class RegisterWriteRule {

    private RegisterWriteRule() {
    }

    public static void requireMayChangeRegister(Caller caller, String registerArea) {
        if (!writesAnywhere(caller) && !manages(caller, registerArea)) {
            throw new AccessDeniedException("Only performance officers, admins and managers of the register's service area ("
                    + describe(registerArea) + ") change a register");
        }
    }

    /** Performance officers and admins write anywhere. */
    public static boolean writesAnywhere(Caller caller) {
        return caller.has(Roles.ADMIN) || caller.has(Roles.PERFORMANCE_OFFICER);
    }

    /** A manager who works in {@code area}. */
    public static boolean manages(Caller caller, String area) {
        return caller.has(Roles.MANAGER) && caller.worksIn(area);
    }

    /** How a refusal names a service area. */
    public static String describe(String area) {
        return area == null || area.isBlank() ? "no service area" : "service area " + area;
    }
}
