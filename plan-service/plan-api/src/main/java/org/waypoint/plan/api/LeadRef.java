package org.waypoint.plan.api;

/**
 * Who leads an action: a named person (with the username and email they sign in with, when
 * known) or a role such as "Senior Manager".
 */
public record LeadRef(String name, String username, String email) {
}
