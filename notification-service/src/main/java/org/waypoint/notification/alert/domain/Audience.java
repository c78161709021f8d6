package org.waypoint.notification.alert.domain;

/** Whom a rule speaks to, relative to the people an event names (an action's leads, an indicator's owner...). */
public enum Audience {
    /** The people the event names: leads, owner, budget holder. */
    SUBJECT,
    /** Their line managers (directory attribute {@code manager}). */
    MANAGER,
    /** Their managers' managers: used by escalation. */
    MANAGERS_MANAGER
}
