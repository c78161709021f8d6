package org.waypoint.platform.directory;

import java.util.List;

/**
 * Someone in the staff directory: username, display name, email, line manager's username and the
 * service areas they work in (directory attributes {@code manager} and {@code service_area}).
 */
public record Person(String username, String name, String email, String manager, List<String> serviceAreas) {

    public Person {
        serviceAreas = serviceAreas == null ? List.of() : List.copyOf(serviceAreas);
    }

    /** The directory says where they work (some people, such as auditors and admins, have no area). */
    public boolean hasServiceAreas() {
        return !serviceAreas.isEmpty();
    }

    public boolean worksIn(String serviceArea) {
        return serviceArea != null && serviceAreas.contains(serviceArea);
    }
}
