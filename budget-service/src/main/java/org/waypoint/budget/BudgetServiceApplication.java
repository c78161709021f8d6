package org.waypoint.budget;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** budget-service: budgets, outturn and variance. */
@SpringBootApplication
public class BudgetServiceApplication {

    /** Its configuration file, budget-service.yml: named for the service so that services can share a classpath in tests. */
    public static final String CONFIG_NAME = "budget-service";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(BudgetServiceApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
