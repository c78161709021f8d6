package org.waypoint.platform.directory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The directory read from Keycloak, cached for {@code waypoint.directory.cache-ttl} ("no such user"
 * included). When Keycloak cannot be asked (down, circuit open, refused) callers get
 * {@link DirectoryUnavailableException}; nothing is guessed.
 */
public class KeycloakDirectory implements Directory {

    private record Cached<T>(T value, Instant at) {
    }

    private final KeycloakAdminClient client;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached<Optional<Person>>> users = new ConcurrentHashMap<>();
    private volatile Cached<List<Person>> managers;

    public KeycloakDirectory(KeycloakAdminClient client, Duration ttl, Clock clock) {
        this.client = client;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public Optional<Person> byUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
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
            List<Person> found = List.copyOf(client.managers());
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
