package org.waypoint.notification.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.waypoint.notification.alert.domain.People;
import org.waypoint.notification.alert.domain.Person;

/**
 * The staff directory from configuration ({@code waypoint.people}): enough for the demo realm's
 * users and their line managers. A directory backed by Keycloak or HR data can replace it.
 */
@ConfigurationProperties(prefix = "waypoint")
public class ConfiguredPeople implements People {

    private final Map<String, Person> byUsername;

    public ConfiguredPeople(List<Person> people) {
        this.byUsername = people == null ? Map.of()
                : people.stream().collect(Collectors.toUnmodifiableMap(Person::username, Function.identity()));
    }

    @Override
    public Optional<Person> byUsername(String username) {
        return Optional.ofNullable(byUsername.get(username));
    }
}
