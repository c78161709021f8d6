package org.waypoint.platform.security;

/**
 * The realm roles of the {@code waypoint} Keycloak realm, and the role checks every service
 * shares. Reading: every signed-in user of the organisation. Writing: the owner or lead, a
 * manager within their service area, the domain's officer role anywhere, an admin; auditors and
 * integrators write nothing (see {@link Caller}).
 */
public final class Roles {

    /** Staff who update what they own or lead. */
    public static final String STAFF = "staff";
    /** Managers of one or more service areas (token claim {@code service_area}). */
    public static final String MANAGER = "manager";
    /** Performance officers: plans, indicators and risk frameworks, everywhere. */
    public static final String PERFORMANCE_OFFICER = "performance-officer";
    /** Finance officers: budgets, everywhere. */
    public static final String FINANCE_OFFICER = "finance-officer";
    /** Auditors and committee members: read everything including history, write nothing. */
    public static final String AUDITOR = "auditor";
    /** Administrators: everything. */
    public static final String ADMIN = "admin";
    /** Machines reading the APIs. */
    public static final String INTEGRATOR = "integrator";

    /** May change something in principle (the service then checks ownership and service area). */
    public static final String CAN_WRITE = "hasAnyRole('staff','manager','performance-officer','finance-officer','admin')";
    /** Anyone with a Waypoint role may read. */
    public static final String CAN_READ =
            "hasAnyRole('staff','manager','performance-officer','finance-officer','auditor','admin','integrator')";
    /** Oversight: managers, officers, auditors and admins. */
    public static final String CAN_OVERSEE = "hasAnyRole('manager','performance-officer','finance-officer','auditor','admin')";

    private Roles() {
    }
}
