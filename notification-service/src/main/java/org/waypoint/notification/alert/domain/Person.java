package org.waypoint.notification.alert.domain;

/** Someone who can receive alerts: username, display name, email and line manager's username. */
public record Person(String username, String name, String email, String manager) {
}
