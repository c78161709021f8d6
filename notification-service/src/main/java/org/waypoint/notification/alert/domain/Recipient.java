package org.waypoint.notification.alert.domain;

/** One person an alert goes to, and why (as a lead or owner, as their manager, as the manager's manager). */
public record Recipient(String email, String username, String name, Audience audience) {
}
