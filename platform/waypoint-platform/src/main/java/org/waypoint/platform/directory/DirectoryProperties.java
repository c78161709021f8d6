package org.waypoint.platform.directory;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code waypoint.directory.*}, named as notification-service names them: where people come from.
 * {@code enabled: true} turns the platform's directory on for a service; {@code source: configured}
 * (the default) reads {@code waypoint.directory.people}; {@code source: keycloak} reads Keycloak's
 * Admin API with a client-credentials client allowed to view users (realm-management
 * {@code view-users}), caching answers for {@code cache-ttl}.
 */
@ConfigurationProperties(prefix = "waypoint.directory")
public record DirectoryProperties(@DefaultValue("false") boolean enabled, @DefaultValue("configured") String source,
                                  List<Person> people, Keycloak keycloak, @DefaultValue("PT10M") Duration cacheTtl) {

    public static final String CONFIGURED = "configured";
    public static final String KEYCLOAK = "keycloak";

    public DirectoryProperties {
        if (!CONFIGURED.equals(source) && !KEYCLOAK.equals(source)) {
            throw new IllegalArgumentException("waypoint.directory.source must be configured or keycloak, not " + source);
        }
        people = people == null ? List.of() : List.copyOf(people);
    }

    public record Keycloak(String url, @DefaultValue("waypoint") String realm, @DefaultValue("waypoint-notifications") String clientId,
                           String clientSecret, @DefaultValue("manager") String managerRole,
                           @DefaultValue("PT3S") Duration timeout) {
    }
}
