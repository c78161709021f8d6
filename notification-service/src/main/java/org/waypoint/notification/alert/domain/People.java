package org.waypoint.notification.alert.domain;

import java.util.Optional;

/** The staff directory: who a username is and who their line manager is. */
public interface People {

    Optional<Person> byUsername(String username);
}
