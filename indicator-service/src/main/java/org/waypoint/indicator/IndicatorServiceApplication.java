package org.waypoint.indicator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** indicator-service: indicators, measurements, RAG status and trends. */
@SpringBootApplication
public class IndicatorServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(IndicatorServiceApplication.class, args);
    }
}
