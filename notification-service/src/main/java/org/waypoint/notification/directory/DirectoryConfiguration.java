package org.waypoint.notification.directory;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waypoint.notification.alert.domain.People;

/** Chooses the directory: {@code waypoint.directory.source} = {@code configured} (default) or {@code keycloak}. */
@Configuration(proxyBeanMethods = false)
public class DirectoryConfiguration {

    @Bean
    @ConditionalOnProperty(name = "waypoint.directory.source", havingValue = "keycloak")
    KeycloakAdminClient keycloakAdminClient(DirectoryProperties properties, Clock clock) {
        if (properties.keycloak() == null || properties.keycloak().url() == null || properties.keycloak().clientSecret() == null) {
            throw new IllegalStateException("waypoint.directory.source=keycloak needs waypoint.directory.keycloak.url and .client-secret");
        }
        return new KeycloakAdminClient(properties.keycloak(), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "waypoint.directory.source", havingValue = "keycloak")
    People keycloakPeople(KeycloakAdminClient client, DirectoryProperties properties, Clock clock) {
        return new KeycloakPeople(client, properties.cacheTtl(), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "waypoint.directory.source", havingValue = "configured", matchIfMissing = true)
    People configuredPeople(DirectoryProperties properties) {
        return new ConfiguredPeople(properties.people());
    }
}
