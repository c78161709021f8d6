package org.waypoint.plan;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** plan-service: plans, actions, progress and overdue detection. */
@SpringBootApplication
public class PlanServiceApplication {

    /** Its configuration file, plan-service.yml: named for the service so that services can share a classpath in tests. */
    public static final String CONFIG_NAME = "plan-service";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(PlanServiceApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
