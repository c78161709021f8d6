package org.waypoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKafka;
import org.waypoint.testsupport.TestKeycloak;

/** The gateway in front of a real HTTP service standing in for plan-service, and one that is down. */
class GatewayRoutingTest {

    static TestKeycloak keycloak;
    static HttpServer planService;
    static final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
    static ConfigurableApplicationContext gateway;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        keycloak = TestKeycloak.start();
        planService = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        planService.createContext("/api/actions", exchange -> {
            seen.add(Map.of(
                    "path", exchange.getRequestURI().toString(),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "cookie", String.valueOf(exchange.getRequestHeaders().getFirst("Cookie"))));
            byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        planService.start();
        gateway = Services.start(GatewayApplication.class, GatewayApplication.CONFIG_NAME, WebApplicationType.REACTIVE, Map.of(
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.services.plan", "http://127.0.0.1:" + planService.getAddress().getPort(),
                "waypoint.services.risk", "http://127.0.0.1:" + TestKafka.freePort()));
        base = Services.url(gateway);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        planService.stop(0);
        keycloak.close();
    }

    @Test
    void anApiCallWithAValidTokenIsRoutedWithTheTokenAndWithoutCookies() throws Exception {
        String token = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", "staff");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/actions?status=OVERDUE"))
                .header("Authorization", "Bearer " + token)
                .header("Cookie", "SESSION=abc")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(seen).last().satisfies(request -> {
            assertThat(request.get("path")).isEqualTo("/api/actions?status=OVERDUE");
            assertThat(request.get("authorization")).isEqualTo("Bearer " + token);
            assertThat(request.get("cookie")).isEqualTo("null");
        });
    }

    @Test
    void anApiCallWithoutATokenIs401ProblemJsonAndNeverReachesTheService() {
        int before = seen.size();
        HttpResponse<String> response = Services.get(base + "/api/actions", null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(seen).hasSize(before);
    }

    @Test
    void aWriteWithoutAnyCredentialIs401NotACsrfRefusal() {
        HttpResponse<String> response = Services.post(base + "/api/actions", null, "{}");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void aWriteRidingOnACookieWithoutItsCsrfTokenIsRefused403ProblemJson() throws Exception {
        int before = seen.size();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/actions"))
                .header("Cookie", "SESSION=stolen").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(seen).hasSize(before);
    }

    @Test
    void aForgedTokenIsRefusedAtTheDoor() {
        HttpResponse<String> response = Services.get(base + "/api/actions", keycloak.tokenFromOtherIssuer("jamie.lead", "staff"));
        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void aServiceThatIsDownIsAnswered503ProblemJson() {
        HttpResponse<String> response = Services.get(base + "/api/risks", keycloak.token("jamie.lead", "j@w.example", "staff"));
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("risk-service").doesNotContain("Exception");
    }

    @Test
    void aPersonOpeningThePortalIsSentToKeycloakToSignIn() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElse("")).endsWith("/oauth2/authorization/keycloak");

        HttpResponse<String> login = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()
                .send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorization/keycloak")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.headers().firstValue("Location").orElse(""))
                .startsWith(keycloak.url() + "/realms/waypoint/protocol/openid-connect/auth")
                .contains("client_id=waypoint-portal")
                .contains("code_challenge=");
    }

    @Test
    void healthIsOpen() {
        assertThat(Services.get(base + "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }
}
