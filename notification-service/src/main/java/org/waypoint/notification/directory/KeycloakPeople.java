package org.waypoint.notification.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.waypoint.notification.alert.domain.DirectoryUnavailableException;
import org.waypoint.notification.alert.domain.People;
import org.waypoint.notification.alert.domain.Person;

/**
 * The directory read from Keycloak, cached for {@code waypoint.directory.cache-ttl}. When Keycloak
 * cannot be asked (down, circuit open, refused) callers get {@link DirectoryUnavailableException}
 * and wait; nothing is guessed.
 */
public class KeycloakPeople implements People {

    private record Cached<T>(T value, Instant at) {
    }

    private final KeycloakAdminClient client;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached<Optional<Person>>> users = new ConcurrentHashMap<>();
    private volatile Cached<List<Person>> managers;

    public KeycloakPeople(KeycloakAdminClient client, Duration ttl, Clock clock) {
        this.client = client;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<Person> byUsername(String username) {
        Cached<Optional<Person>> cached = users.get(username);
        if (fresh(cached)) {
            return cached.value();
        }
        try {
            Optional<Person> person = client.user(username);
            users.put(username, new Cached<>(person, clock.instant()));
            return person;
        } catch (RuntimeException e) {
            throw new DirectoryUnavailableException("Keycloak could not be asked about " + username + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Person> managers() {
        Cached<List<Person>> cached = managers;
        if (fresh(cached)) {
            return cached.value();
        }
        try {
            List<Person> found = client.managers();
            managers = new Cached<>(found, clock.instant());
            return found;
        } catch (RuntimeException e) {
            throw new DirectoryUnavailableException("Keycloak could not list managers: " + e.getMessage(), e);
        }
    }

    private boolean fresh(Cached<?> cached) {
        return cached != null && cached.at().plus(ttl).isAfter(clock.instant());
    }
}
