package org.waypoint.notification.alert.domain;

/** A person as an event names them: a name, and when known the username and email they sign in with. */
public record PersonRef(String name, String username, String email) {
}
