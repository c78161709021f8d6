package org.waypoint.notification.alert.domain;

import java.util.List;

/**
 * Someone who can receive alerts: username, display name, email, line manager's username and the
 * service areas they work in (directory attributes {@code manager} and {@code service_area}).
 */
public record Person(String username, String name, String email, String manager, List<String> serviceAreas) {

    public Person {
        serviceAreas = serviceAreas == null ? List.of() : List.copyOf(serviceAreas);
    }
}
