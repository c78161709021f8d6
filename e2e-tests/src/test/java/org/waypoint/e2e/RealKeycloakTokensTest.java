package org.waypoint.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;
import org.waypoint.plan.PlanServiceApplication;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens from the real Keycloak image with our realm file, checked by plan-service. Skipped
 * without Docker; here the same edge is checked by `./waypoint smoke` against Keycloak from
 * Maven Central, which CI runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class RealKeycloakTokensTest {

    @Container
    static final GenericContainer<?> KEYCLOAK = new GenericContainer<>("quay.io/keycloak/keycloak:26.5.6")
            .withExposedPorts(8080)
            .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
            .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
            .withCopyFileToContainer(MountableFile.forHostPath(org.waypoint.testsupport.EventContracts.repositoryRoot().resolve("infra/keycloak/waypoint-realm.json")),
                    "/opt/keycloak/data/import/waypoint-realm.json")
            .withCommand("start-dev", "--import-realm")
            .waitingFor(Wait.forHttp("/realms/waypoint/.well-known/openid-configuration").withStartupTimeout(Duration.ofMinutes(3)));

    static InMemoryMongo mongo;
    static ConfigurableApplicationContext planService;
    static String keycloakUrl;

    @BeforeAll
    static void start() {
        keycloakUrl = "http://" + KEYCLOAK.getHost() + ":" + KEYCLOAK.getMappedPort(8080);
        mongo = InMemoryMongo.start();
        planService = Services.start(PlanServiceApplication.class, PlanServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, Map.of(
                "spring.mongodb.uri", mongo.uri("waypoint-plans"),
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "spring.kafka.admin.auto-create", "false",
                "waypoint.keycloak.url", keycloakUrl,
                "waypoint.scheduling.enabled", "false"));
    }

    @AfterAll
    static void stop() {
        if (planService != null) {
            planService.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    @Test
    void aStaffMembersRealTokenMayCreateAndAnAuditorsMayNot() throws Exception {
        assertThat(Services.post(Services.url(planService) + "/api/plans", passwordToken("priya.officer"),
                "{\"id\":\"ea-sip\",\"title\":\"SIP\",\"organisation\":\"East Ayrshire HSCP\",\"serviceArea\":\"Children and Justice\","
                        + "\"period\":\"2021/22-2023/24\"}").statusCode()).isEqualTo(201);
        String body = "{\"planId\":\"ea-sip\",\"title\":\"Review the Covid public protection oversight arrangements\","
                + "\"serviceArea\":\"Children and Justice\",\"due\":\"2021\","
                + "\"leads\":[{\"name\":\"Jamie Wilson\",\"username\":\"jamie.lead\"}]}";
        assertThat(Services.post(Services.url(planService) + "/api/actions", passwordToken("jamie.lead"), body).statusCode()).isEqualTo(201);
        assertThat(Services.post(Services.url(planService) + "/api/actions", passwordToken("alex.auditor"), body).statusCode()).isEqualTo(403);
    }

    private static String passwordToken(String username) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/waypoint/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=waypoint-cli&username=" + username
                        + "&password=waypoint"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body()).path("access_token").asString();
    }
}
