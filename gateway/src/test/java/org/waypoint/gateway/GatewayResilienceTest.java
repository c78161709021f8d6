package org.waypoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
import org.waypoint.testsupport.TestKafka;

/**
 * Each route's circuit breaker, time limit and retries against real HTTP stand-ins: a working
 * plan-service, an indicator-service slower than its 1 s limit, a stopped risk-service, and a
 * budget-service that fails now and then.
 */
class GatewayResilienceTest {

    static final Person JAMIE = new Person("jamie.lead", "Jamie Wilson", "jamie.wilson@waypoint.example",
            java.util.List.of("Children and Justice"), null, java.util.List.of("staff"));

    static FakeKeycloak keycloak;
    static StandInService planService;
    static StandInService indicatorService;
    static StandInService budgetService;
    static ConfigurableApplicationContext gateway;
    static String base;
    static String token;
    static final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() {
        keycloak = FakeKeycloak.start();
        planService = StandInService.start().on("/api/actions", request -> Answer.json(200, "{\"items\":[]}"));
        indicatorService = StandInService.start().on("/api/indicators", request -> Answer.json(200, "{\"items\":[]}").after(5_000));
        budgetService = StandInService.start()
                // the first call to each path fails with 503, later ones succeed
                .on("/api/budgets/flaky", request -> failedOnce.add(request.method() + request.path())
                        ? Answer.json(503, "{\"title\":\"busy\"}") : Answer.json(200, "{\"ok\":true}"))
                .on("/api/budgets/broken", request -> Answer.json(500, "{\"title\":\"bug\"}"));
        gateway = Services.start(GatewayApplication.class, GatewayApplication.CONFIG_NAME, WebApplicationType.REACTIVE, Map.of(
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.services.plan", planService.url(),
                "waypoint.services.indicator", indicatorService.url(),
                "waypoint.services.risk", "http://127.0.0.1:" + TestKafka.freePort(),
                "waypoint.services.budget", budgetService.url(),
                "waypoint.gateway.time-limit.routes.indicator-service", "1s"));
        base = Services.url(gateway);
        token = keycloak.accessToken(JAMIE, "waypoint-cli");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        planService.close();
        indicatorService.close();
        budgetService.close();
        keycloak.close();
    }

    @Test
    void aServiceSlowerThanItsRoutesTimeLimitIsAnswered503WithinTheLimit() {
        long started = System.nanoTime();
        HttpResponse<String> response = Services.get(base + "/api/indicators", token);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("indicator-service");
        assertThat(millis).as("the 1 s limit, not the service's 5 s").isBetween(900L, 4_000L);
    }

    @Test
    void aStoppedServiceIsAnswered503ProblemJsonNamingItWhileTheOthersKeepWorking() {
        HttpResponse<String> risks = Services.get(base + "/api/risks", token);
        HttpResponse<String> actions = Services.get(base + "/api/actions", token);

        assertThat(risks.statusCode()).isEqualTo(503);
        assertThat(risks.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(risks.body()).contains("\"title\":\"Service unavailable\"").contains("risk-service");
        assertThat(actions.statusCode()).isEqualTo(200);
    }

    @Test
    void aReadThatFailsOnceIsRetriedAndSucceeds() {
        HttpResponse<String> response = Services.get(base + "/api/budgets/flaky/read", token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(budgetService.seen("/api/budgets/flaky/read")).hasSize(2).allSatisfy(seen -> assertThat(seen.method()).isEqualTo("GET"));
    }

    @Test
    void aWriteIsNeverRetried() {
        HttpResponse<String> response = Services.post(base + "/api/budgets/flaky/write", token, "{\"amount\":\"10.00\"}");

        assertThat(response.statusCode()).as("the service's own answer").isEqualTo(503);
        assertThat(budgetService.seen("/api/budgets/flaky/write")).hasSize(1);
    }

    @Test
    void aServerErrorIsNotRetriedOnlyUnavailability() {
        HttpResponse<String> response = Services.get(base + "/api/budgets/broken", token);

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(budgetService.seen("/api/budgets/broken")).hasSize(1);
    }
}
