package org.waypoint.indicator.api;

/** Who owns an indicator: a named person, with the username and email they sign in with when known. */
public record OwnerRef(String name, String username, String email) {
}
