package org.waypoint.platform.directory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The staff directory from configuration ({@code waypoint.directory.people}): the demo realm's users
 * and their line managers, for tests and for running without a Keycloak client that may read users.
 * Managers are the people someone names as their line manager.
 */
public class ConfiguredDirectory implements Directory {

    private final Map<String, Person> byUsername;
    private final List<Person> managers;

    public ConfiguredDirectory(List<Person> people) {
        List<Person> all = people == null ? List.of() : people;
        this.byUsername = all.stream().collect(Collectors.toUnmodifiableMap(Person::username, Function.identity()));
        Set<String> managerNames = new LinkedHashSet<>();
        all.forEach(p -> {
            if (p.manager() != null && !p.manager().isBlank()) {
                managerNames.add(p.manager());
            }
        });
        this.managers = managerNames.stream().map(byUsername::get).filter(Objects::nonNull).toList();
    }

    @Override
    public Optional<Person> byUsername(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(byUsername.get(username));
    }

    @Override
    public List<Person> managers() {
        return managers;
    }
}
