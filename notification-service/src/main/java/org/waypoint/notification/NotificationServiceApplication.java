package org.waypoint.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** notification-service: turns events into emails to owners and managers, once and only once. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationServiceApplication {

    /** Its configuration file, notification-service.yml: named for the service so that services can share a classpath in tests. */
    public static final String CONFIG_NAME = "notification-service";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(NotificationServiceApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
