package org.waypoint.notification.alert.domain;

import java.util.List;
import java.util.Optional;

/** The staff directory: who a username is, who their line manager is, and who manages. */
public interface People {

    /** @throws DirectoryUnavailableException when the directory cannot be asked right now */
    Optional<Person> byUsername(String username);

    /**
     * Everyone who manages: named as someone's line manager or holding the manager role.
     *
     * @throws DirectoryUnavailableException when the directory cannot be asked right now
     */
    List<Person> managers();
}
