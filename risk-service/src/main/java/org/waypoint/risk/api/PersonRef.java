package org.waypoint.risk.api;

/** Who owns a risk or a mitigation: a name, and the username and email they sign in with when known. */
public record PersonRef(String name, String username, String email) {
}
