package org.waypoint.notification.directory;

import java.util.List;
import java.util.Optional;

import org.waypoint.notification.alert.domain.DirectoryUnavailableException;
import org.waypoint.notification.alert.domain.People;
import org.waypoint.notification.alert.domain.Person;
import org.waypoint.platform.directory.Directory;

/**
 * The alert feature's {@link People}, read from the platform's staff directory (ADR 44: configured
 * people or Keycloak's Admin API, cached, behind the circuit breaker {@code directory}). When the
 * directory cannot be asked, the alert feature's own {@link DirectoryUnavailableException} says so:
 * whatever needed it waits and is tried again.
 */
public final class DirectoryPeople implements People {

    private final Directory directory;

    public DirectoryPeople(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<Person> byUsername(String username) {
        try {
            return directory.byUsername(username).map(DirectoryPeople::person);
        } catch (org.waypoint.platform.directory.DirectoryUnavailableException e) {
            throw new DirectoryUnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public List<Person> managers() {
        try {
            return directory.managers().stream().map(DirectoryPeople::person).toList();
        } catch (org.waypoint.platform.directory.DirectoryUnavailableException e) {
            throw new DirectoryUnavailableException(e.getMessage(), e);
        }
    }

    private static Person person(org.waypoint.platform.directory.Person p) {
        return new Person(p.username(), p.name(), p.email(), p.manager(), p.serviceAreas());
    }
}
