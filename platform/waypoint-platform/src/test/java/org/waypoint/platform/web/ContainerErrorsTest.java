package org.waypoint.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKafka;
import org.waypoint.testsupport.TestKeycloak;

/**
 * Errors that never reach a controller (Tomcat refusing the address, no handler, an operator in a
 * query) are problem+json like every other, never Tomcat's HTML page or Boot's {"timestamp"} JSON.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerErrorsTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Things.class)
    static class App {
    }

    @RestController
    static class Things {
        @GetMapping("/api/things/{id}")
        String thing(@PathVariable String id, @RequestParam(required = false) String owner) {
            return id + "/" + owner;
        }
    }

    private TestKeycloak keycloak;
    private ConfigurableApplicationContext app;
    private String base;
    private String token;

    @BeforeAll
    void start() {
        keycloak = TestKeycloak.start();
        app = Services.start(App.class, "container-errors-test", WebApplicationType.SERVLET, Map.of(
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.service-name", "errors-test",
                "waypoint.database", "errors-test",
                "spring.mongodb.uri", "mongodb://127.0.0.1:" + TestKafka.freePort() + "/errors-test",
                "spring.kafka.bootstrap-servers", "127.0.0.1:1"));
        base = Services.url(app);
        token = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", "staff");
    }

    @AfterAll
    void stop() {
        app.close();
        keycloak.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/things/a%2Fb", "/api/things/%00", "/api/things/..%2F..%2Fetc", "/api/things/x?owner[$ne]=1",
            "/api/things/x?owner[=1", "/api/things/%5Bx%5D", "/api/things/%25", "/nowhere", "/api/things/a/b/c", "/api/things/%3Cx%3E"})
    void everyRefusalIsProblemJsonAndNoneIsA5xx(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(path).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
            assertThat(response.body()).as(path).contains("\"status\":" + response.statusCode())
                    .doesNotContain("Tomcat").doesNotContain("timestamp").doesNotContain("Exception");
        }
    }
}
