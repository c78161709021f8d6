package org.waypoint.indicator.indicator.domain;

import java.util.Objects;

/** The person who owns an indicator and records its measurements. */
public record Owner(String name, String username, String email) {

    public Owner {
        Objects.requireNonNull(name, "name");
    }
}
