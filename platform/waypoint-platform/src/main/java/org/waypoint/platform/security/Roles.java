package org.waypoint.platform.security;

/** The realm roles of the {@code waypoint} Keycloak realm, as used in {@code @PreAuthorize}. */
public final class Roles {

    /** Staff who update the actions and measurements they own. */
    public static final String STAFF = "staff";
    /** Managers who oversee a service area and receive alerts. */
    public static final String MANAGER = "manager";
    /** Performance officers who define plans, indicators and risk frameworks. */
    public static final String PERFORMANCE_OFFICER = "performance_officer";
    /** Committee members and auditors: read only. */
    public static final String VIEWER = "viewer";
    /** Machines reading the APIs. */
    public static final String INTEGRATOR = "integrator";

    /** Anyone who may change plan data. */
    public static final String CAN_EDIT = "hasAnyRole('staff','manager','performance_officer')";
    /** Anyone with a Waypoint role may read. */
    public static final String CAN_READ = "hasAnyRole('staff','manager','performance_officer','viewer','integrator')";

    private Roles() {
    }
}
