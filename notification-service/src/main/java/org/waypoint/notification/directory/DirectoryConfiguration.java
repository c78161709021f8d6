package org.waypoint.notification.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waypoint.notification.alert.domain.People;
import org.waypoint.platform.directory.Directory;

/**
 * The people alerts go to come from the platform's directory ({@code waypoint.directory.enabled: true};
 * {@code waypoint.directory.source} = {@code configured} or {@code keycloak}, ADR 44).
 */
@Configuration(proxyBeanMethods = false)
public class DirectoryConfiguration {

    @Bean
    People people(Directory directory) {
        return new DirectoryPeople(directory);
    }
}
