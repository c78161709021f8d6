package org.waypoint.budget.api;

/** The budget holder: a person, with the username and email they sign in with when known. */
public record HolderRef(String name, String username, String email) {
}
