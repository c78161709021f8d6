package org.waypoint.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKafka;
import org.waypoint.testsupport.TestKeycloak;

/**
 * Issue 15: with the identity provider stopped for longer than the key cache lives, a still-valid
 * token keeps working (the last good key set is kept), and a token whose key nobody has seen is a
 * 503 problem+json rather than Spring's 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityProviderOutageTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Hello.class)
    static class App {
    }

    @RestController
    static class Hello {
        @GetMapping("/api/hello")
        String hello() {
            return "hello";
        }
    }

    private TestKeycloak keycloak;
    private ConfigurableApplicationContext app;
    private String base;

    @BeforeAll
    void start() {
        keycloak = TestKeycloak.start();
        app = Services.start(App.class, "identity-provider-outage-test", WebApplicationType.SERVLET, Map.of(
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.service-name", "outage-test",
                "waypoint.database", "outage-test",
                "spring.mongodb.uri", "mongodb://127.0.0.1:" + TestKafka.freePort() + "/outage-test",
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "waypoint.security.jwks.cache-ttl", "PT1S",
                "waypoint.security.jwks.refresh-ahead", "PT0.5S",
                "waypoint.security.jwks.timeout", "PT0.5S"));
        base = Services.url(app);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aValidTokenKeepsWorkingThroughAnOutageLongerThanTheKeyCacheAndAnUnknownKeyIs503ProblemJson() throws Exception {
        String token = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", "staff");
        assertThat(Services.get(base + "/api/hello", token).statusCode()).as("keys fetched while Keycloak is up").isEqualTo(200);

        keycloak.close();
        Thread.sleep(2_500); // the cached set has expired twice over

        HttpResponse<String> during = Services.get(base + "/api/hello", token);
        assertThat(during.statusCode()).as("a valid token during the outage").isEqualTo(200);
        assertThat(Services.get(base + "/api/hello", keycloak.token("sarah.manager", "s@w.example", "manager")).statusCode())
                .as("another valid token signed by the same key").isEqualTo(200);

        HttpResponse<String> unknownKey = Services.get(base + "/api/hello", keycloak.tokenSignedWithAnUnpublishedKey("jamie.lead", "staff"));
        assertThat(unknownKey.statusCode()).as("a key nobody could fetch").isEqualTo(503);
        assertThat(unknownKey.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(unknownKey.headers().firstValue("Retry-After")).isPresent();
        assertThat(unknownKey.body()).doesNotContain("Exception").doesNotContain("at org.");

        HttpResponse<String> forged = Services.get(base + "/api/hello", keycloak.tokenFromOtherIssuer("jamie.lead", "staff"));
        assertThat(forged.statusCode()).as("a token that was checked and is wrong stays 401").isEqualTo(401);
        assertThat(Services.get(base + "/api/hello", keycloak.expiredToken("jamie.lead", "staff")).statusCode()).isEqualTo(401);
        assertThat(Services.get(base + "/api/hello", keycloak.tokenForAnotherAudience("jamie.lead", "staff")).statusCode()).isEqualTo(401);
    }
}
