package org.waypoint.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What every Waypoint service must do from its first day: boot against MongoDB (the compatible
 * server) and Kafka settings, report liveness and readiness, refuse API calls without a valid
 * token with 401 problem+json, and answer unknown paths with problem+json.
 */
public final class ServiceBootCheck {

    private ServiceBootCheck() {
    }

    public static void bootsSecuredAndHealthy(Class<?> application, String configName) {
        try (InMemoryMongo mongo = InMemoryMongo.start(); TestKeycloak keycloak = TestKeycloak.start();
             ConfigurableApplicationContext app = Services.start(application, configName, WebApplicationType.SERVLET, Map.of(
                     "spring.mongodb.uri", mongo.uri(configName + "-boot-check"),
                     "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                     "spring.kafka.admin.auto-create", "false",
                     "waypoint.keycloak.url", keycloak.url()))) {
            String base = Services.url(app);

            HttpResponse<String> readiness = Services.get(base + "/actuator/health/readiness", null);
            assertThat(readiness.statusCode()).as("readiness").isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");
            assertThat(Services.get(base + "/actuator/health/liveness", null).statusCode()).as("liveness").isEqualTo(200);

            HttpResponse<String> anonymous = Services.get(base + "/api/anything", null);
            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

            HttpResponse<String> forged = Services.get(base + "/api/anything", keycloak.tokenFromOtherIssuer("jamie.lead", "staff"));
            assertThat(forged.statusCode()).isEqualTo(401);
            HttpResponse<String> meantForAnother = Services.get(base + "/api/anything", keycloak.tokenForAnotherAudience("jamie.lead", "staff"));
            assertThat(meantForAnother.statusCode()).as("a token whose audience is not Waypoint's APIs").isEqualTo(401);

            HttpResponse<String> unknown = Services.get(base + "/api/no-such-thing", keycloak.token("jamie.lead", "j@w.example", "staff"));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(unknown.body()).doesNotContain("Exception");
        }
    }
}
