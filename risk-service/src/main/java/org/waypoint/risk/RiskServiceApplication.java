package org.waypoint.risk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** risk-service: risk registers, 5x5 scoring and the heat map. */
@SpringBootApplication
public class RiskServiceApplication {

    /** Its configuration file, risk-service.yml: named for the service so that services can share a classpath in tests. */
    public static final String CONFIG_NAME = "risk-service";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(RiskServiceApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
