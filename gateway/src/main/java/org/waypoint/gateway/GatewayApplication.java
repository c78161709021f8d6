package org.waypoint.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The front door: signs staff in with Keycloak, serves the portal and routes {@code /api/**}. */
@SpringBootApplication
public class GatewayApplication {

    /** Its configuration file, gateway.yml: named for the service so that services can share a classpath in tests. */
    public static final String CONFIG_NAME = "gateway";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
