package org.waypoint.notification.directory;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.waypoint.notification.alert.domain.Person;

/**
 * {@code waypoint.directory.*}: where people come from. {@code source: configured} reads
 * {@code waypoint.directory.people}; {@code source: keycloak} reads Keycloak's Admin API with a
 * client-credentials client allowed to view users (realm-management {@code view-users}).
 */
@ConfigurationProperties(prefix = "waypoint.directory")
public record DirectoryProperties(@DefaultValue("configured") String source, List<Person> people, Keycloak keycloak,
                                  @DefaultValue("PT10M") Duration cacheTtl) {

    public record Keycloak(String url, @DefaultValue("waypoint") String realm, @DefaultValue("waypoint-notifications") String clientId,
                           String clientSecret, @DefaultValue("manager") String managerRole,
                           @DefaultValue("PT3S") Duration timeout) {
    }
}
