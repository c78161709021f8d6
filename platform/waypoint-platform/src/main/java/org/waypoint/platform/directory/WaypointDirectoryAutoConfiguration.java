package org.waypoint.platform.directory;

import java.time.Clock;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waypoint.platform.config.WaypointPlatformAutoConfiguration;

/**
 * The staff directory, for a service that sets {@code waypoint.directory.enabled=true} (no other
 * service gets a {@link Directory} bean, nor binds {@code waypoint.directory.*}). {@code source}
 * chooses it: {@code configured} (the default) reads {@code waypoint.directory.people};
 * {@code keycloak} reads Keycloak's Admin API ({@link KeycloakDirectory}), which needs Resilience4j
 * on the classpath ({@code resilience4j-spring-boot4}, whose registries read the service's
 * {@code resilience4j.*.instances.directory} settings).
 */
@AutoConfiguration(after = WaypointPlatformAutoConfiguration.class)
@ConditionalOnProperty(name = "waypoint.directory.enabled", havingValue = "true")
@EnableConfigurationProperties(DirectoryProperties.class)
public class WaypointDirectoryAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(Directory.class)
    @ConditionalOnProperty(name = "waypoint.directory.source", havingValue = DirectoryProperties.CONFIGURED, matchIfMissing = true)
    ConfiguredDirectory configuredDirectory(DirectoryProperties properties) {
        return new ConfiguredDirectory(properties.people());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "waypoint.directory.source", havingValue = DirectoryProperties.KEYCLOAK)
    @ConditionalOnClass(name = {"io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry", "io.github.resilience4j.retry.RetryRegistry"})
    static class FromKeycloak {

        @Bean
        @ConditionalOnMissingBean
        KeycloakAdminClient keycloakAdminClient(DirectoryProperties properties, Clock clock,
                                                ObjectProvider<CircuitBreakerRegistry> breakers, ObjectProvider<RetryRegistry> retries) {
            DirectoryProperties.Keycloak keycloak = properties.keycloak();
            if (keycloak == null || keycloak.url() == null || keycloak.url().isBlank() || keycloak.clientSecret() == null) {
                throw new IllegalStateException("waypoint.directory.source=keycloak needs waypoint.directory.keycloak.url and .client-secret");
            }
            return new KeycloakAdminClient(keycloak, clock,
                    retries.getIfAvailable(RetryRegistry::ofDefaults).retry(KeycloakAdminClient.RESILIENCE_NAME),
                    breakers.getIfAvailable(CircuitBreakerRegistry::ofDefaults).circuitBreaker(KeycloakAdminClient.RESILIENCE_NAME));
        }

        @Bean
        @ConditionalOnMissingBean(Directory.class)
        KeycloakDirectory keycloakDirectory(KeycloakAdminClient client, DirectoryProperties properties, Clock clock) {
            return new KeycloakDirectory(client, properties.cacheTtl(), clock);
        }
    }

    /** Asked for Keycloak without Resilience4j: refuse to start rather than call Keycloak without retry or breaker. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "waypoint.directory.source", havingValue = DirectoryProperties.KEYCLOAK)
    @ConditionalOnMissingClass("io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry")
    static class KeycloakWithoutResilience4j {

        @Bean
        Directory keycloakDirectory() {
            throw new IllegalStateException("waypoint.directory.source=keycloak needs Resilience4j on the classpath "
                    + "(io.github.resilience4j:resilience4j-spring-boot4)");
        }
    }
}
