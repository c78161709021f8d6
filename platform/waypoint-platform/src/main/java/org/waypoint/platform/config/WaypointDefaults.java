package org.waypoint.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code waypoint-defaults.properties} as the lowest-precedence property source of every
 * service: the connection settings (MONGODB_URI, KAFKA_BOOTSTRAP_SERVERS, KEYCLOAK_URL), health
 * probes, strict JSON and error hygiene live in one place, and any service or environment
 * variable can still override them.
 */
public class WaypointDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "waypoint-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new PropertiesPropertySourceLoader().load("waypointDefaults", new ClassPathResource(RESOURCE))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
