package org.waypoint.indicator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** indicator-service: indicators, measurements, RAG status and trends. */
@SpringBootApplication
public class IndicatorServiceApplication {

    /** Its configuration file, indicator-service.yml: named for the service so that services can share a classpath in tests. */
    public static final String CONFIG_NAME = "indicator-service";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(IndicatorServiceApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
