package org.waypoint.platform.directory;

import java.util.List;
import java.util.Optional;

/**
 * The staff directory (port): who a username is, who their line manager is, where they work, and
 * who manages. Implemented from configuration ({@link ConfiguredDirectory}) or Keycloak's Admin API
 * ({@link KeycloakDirectory}), chosen by {@code waypoint.directory.source}.
 */
public interface Directory {

    /**
     * The person with this username, or empty when the directory knows no one by it.
     *
     * @throws DirectoryUnavailableException when the directory cannot be asked right now
     */
    Optional<Person> byUsername(String username);

    /**
     * Everyone who manages: named as someone's line manager or holding the manager role.
     *
     * @throws DirectoryUnavailableException when the directory cannot be asked right now
     */
    List<Person> managers();
}
