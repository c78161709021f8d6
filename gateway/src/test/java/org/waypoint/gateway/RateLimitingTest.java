package org.waypoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.waypoint.gateway.support.FakeKeycloak;
import org.waypoint.gateway.support.FakeKeycloak.Person;
import org.waypoint.gateway.support.StandInService;
import org.waypoint.gateway.support.StandInService.Answer;
import org.waypoint.testsupport.Services;

/**
 * Rate limits set small through properties: 3 calls at once per person then one every 5 s, 5 at once
 * per client then one every 5 s. Each test uses its own people and clients, so they do not share
 * buckets (anonymous calls all come from this machine's address, so only one test makes them).
 */
class RateLimitingTest {

    static FakeKeycloak keycloak;
    static StandInService planService;
    static ConfigurableApplicationContext gateway;
    static String base;

    @BeforeAll
    static void start() {
        keycloak = FakeKeycloak.start();
        planService = StandInService.start().on("/api/actions", request -> Answer.json(200, "{\"items\":[]}"));
        gateway = Services.start(GatewayApplication.class, GatewayApplication.CONFIG_NAME, WebApplicationType.REACTIVE, Map.of(
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.services.plan", planService.url(),
                "waypoint.gateway.rate-limit.per-user.requests-per-second", "0.2",
                "waypoint.gateway.rate-limit.per-user.burst", "3",
                "waypoint.gateway.rate-limit.per-client.requests-per-second", "0.2",
                "waypoint.gateway.rate-limit.per-client.burst", "5"));
        base = Services.url(gateway);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        planService.close();
        keycloak.close();
    }

    static Person person(String username) {
        return new Person(username, username, username + "@waypoint.example", List.of("Children and Justice"), null, List.of("staff"));
    }

    static List<Integer> statuses(String token, int calls) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            statuses.add(Services.get(base + "/api/actions", token).statusCode());
        }
        return statuses;
    }

    @Test
    void aPersonOverTheirLimitGets429ProblemJsonWithRetryAfterWhileOthersCarryOn() {
        String alex = keycloak.accessToken(person("alex.limits"), "client-of-alex");
        String bea = keycloak.accessToken(person("bea.limits"), "client-of-bea");

        assertThat(statuses(alex, 3)).containsOnly(200);
        HttpResponse<String> refused = Services.get(base + "/api/actions", alex);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After").map(Integer::parseInt)).hasValueSatisfying(
                seconds -> assertThat(seconds).isBetween(1, 5));
        assertThat(refused.body()).contains("\"status\":429").contains("0.2 requests a second");
        assertThat(statuses(bea, 1)).containsOnly(200);
    }

    @Test
    void aPersonWhoWaitsAsToldMayCallAgain() throws InterruptedException {
        String chris = keycloak.accessToken(person("chris.limits"), "client-of-chris");
        statuses(chris, 3);
        HttpResponse<String> refused = Services.get(base + "/api/actions", chris);
        assertThat(refused.statusCode()).isEqualTo(429);

        Thread.sleep(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 100);

        assertThat(Services.get(base + "/api/actions", chris).statusCode()).isEqualTo(200);
    }

    @Test
    void aClientsUsersShareTheClientsLimit() {
        List<Integer> statuses = new ArrayList<>();
        for (String name : List.of("dana", "eli", "fran")) {
            statuses.addAll(statuses(keycloak.accessToken(person(name + ".limits"), "integrator-x"), 2));
        }
        // each person stays within their own 3, but the client's 5 are spent by the sixth call
        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 429);
        HttpResponse<String> refused = Services.get(base + "/api/actions",
                keycloak.accessToken(person("gus.limits"), "integrator-x"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("This client has sent more than");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void callersWithoutCredentialsAreLimitedByAddressBeforeBeingRefused401() {
        List<Integer> statuses = statuses(null, 6);
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.get(5)).isEqualTo(429);
    }

    @Test
    void healthIsNeverLimited() {
        for (int i = 0; i < 10; i++) {
            assertThat(Services.get(base + "/actuator/health", null).statusCode()).isEqualTo(200);
        }
    }
}
