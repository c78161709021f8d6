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
import java.util.UUID;
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
                    "cookie", String.valueOf(exchange.getRequestHeaders().getFirst("Cookie")),
                    "x-request-id", String.valueOf(exchange.getRequestHeaders().getFirst("X-Request-Id")),
                    "traceparent", String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")),
                    "tracestate", String.valueOf(exchange.getRequestHeaders().getFirst("tracestate"))));
            byte[] body = "{\"items\":[]}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        planService.createContext("/v3/api-docs", exchange -> {
            byte[] body = ("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"Waypoint plan-service\"},"
                    + "\"servers\":[{\"url\":\"http://127.0.0.1:" + exchange.getLocalAddress().getPort() + "\"}],"
                    + "\"paths\":{\"/api/actions\":{}}}").getBytes(StandardCharsets.UTF_8);
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
        assertThat(response.headers().allValues("Set-Cookie")).as("a bearer-token caller needs no CSRF cookie")
                .noneMatch(cookie -> cookie.startsWith("XSRF-TOKEN"));
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
    void aServiceThatIsDownIsAnswered503WithinTheTimeLimitWhileAnotherRouteKeepsWorking() {
        String token = keycloak.token("jamie.lead", "j@w.example", "staff");
        long started = System.nanoTime();
        HttpResponse<String> down = Services.get(base + "/api/risks?band=HIGH", token);
        long millis = (System.nanoTime() - started) / 1_000_000;
        HttpResponse<String> up = Services.get(base + "/api/actions", token);

        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"status\":503").contains("risk-service");
        assertThat(millis).as("answered within the 10 s time limit").isLessThan(10_000);
        assertThat(up.statusCode()).isEqualTo(200);
    }

    static final List<String> SECURITY_HEADERS = List.of("Content-Security-Policy", "X-Content-Type-Options",
            "Referrer-Policy", "X-Frame-Options");

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        String token = keycloak.token("jamie.lead", "j@w.example", "staff");
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        List<HttpResponse<String>> responses = List.of(
                Services.get(base + "/api/actions", token),                         // routed to a service
                Services.get(base + "/api/actions", null),                          // 401 at the door
                Services.get(base + "/api/risks", token),                           // 503 fallback
                Services.get(base + "/me", token),                                  // the gateway's own
                Services.get(base + "/actuator/health", null),                      // open
                noRedirects.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString()));

        for (HttpResponse<String> response : responses) {
            assertThat(response.headers().map().keySet()).as(response.uri() + " " + response.statusCode())
                    .anySatisfy(h -> assertThat(h).isEqualToIgnoringCase("Content-Security-Policy"));
            assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
                    .contains("base-uri 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        }
    }

    @Test
    void aSaneRequestIdAndTraceparentArePassedToTheServiceAndTheIdEchoed() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/actions"))
                .header("Authorization", "Bearer " + keycloak.token("jamie.lead", "j@w.example", "staff"))
                .header("X-Request-Id", "portal-7f3a.42")
                .header("traceparent", traceparent)
                .header("tracestate", "vendor=abc")
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).hasValue("portal-7f3a.42");
        assertThat(seen).last().satisfies(request -> {
            assertThat(request.get("x-request-id")).isEqualTo("portal-7f3a.42");
            assertThat(request.get("traceparent")).isEqualTo(traceparent);
            assertThat(request.get("tracestate")).isEqualTo("vendor=abc");
        });
    }

    @Test
    void aMissingOrInsaneRequestIdAndTraceparentAreReplacedWithNewOnes() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/actions"))
                .header("Authorization", "Bearer " + keycloak.token("jamie.lead", "j@w.example", "staff"))
                .header("X-Request-Id", "<script>alert(1)</script>")
                .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
                .header("tracestate", "vendor=abc")
                .build(), HttpResponse.BodyHandlers.ofString());

        String echoed = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(echoed)).isNotNull();
        assertThat(seen).last().satisfies(request -> {
            assertThat(request.get("x-request-id")).isEqualTo(echoed);
            assertThat(request.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                    .doesNotStartWith("00-00000000000000000000000000000000");
            assertThat(request.get("tracestate")).isEqualTo("null");
        });
        HttpResponse<String> none = Services.get(base + "/api/actions", keycloak.token("jamie.lead", "j@w.example", "staff"));
        assertThat(seen).last().satisfies(request -> {
            assertThat(request.get("x-request-id")).isEqualTo(none.headers().firstValue("X-Request-Id").orElseThrow());
            assertThat(request.get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        });
    }

    @Test
    void refusalsAtTheDoorCarryTheRequestIdToo() {
        HttpResponse<String> response = Services.get(base + "/api/actions", null);
        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(response.body()).contains("\"requestId\":\"" + id + "\"");
    }

    @Test
    void eachServicesOpenApiDocumentIsServedThroughTheGatewayPointingAtTheGateway() {
        HttpResponse<String> response = Services.get(base + "/openapi/plan", keycloak.token("jamie.lead", "j@w.example", "staff"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Waypoint plan-service").contains("/api/actions")
                .contains("\"servers\":[{\"url\":\"/\"").doesNotContain("127.0.0.1");
        assertThat(Services.get(base + "/openapi/plan", null).statusCode()).isEqualTo(401);
        HttpResponse<String> down = Services.get(base + "/openapi/risk", keycloak.token("jamie.lead", "j@w.example", "staff"));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("risk-service");
    }

    @Test
    void swaggerUiListsEveryServiceAndNeedsSignIn() throws Exception {
        HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> anonymous = noRedirects.send(HttpRequest.newBuilder(URI.create(base + "/swagger-ui.html")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/oauth2/authorization/keycloak");

        String token = keycloak.token("jamie.lead", "j@w.example", "staff");
        HttpResponse<String> page = Services.get(base + "/swagger-ui.html", token);
        assertThat(page.statusCode()).isEqualTo(302);
        String location = page.headers().firstValue("Location").orElseThrow();
        String index = location.startsWith("/") ? base + location : location;
        HttpResponse<String> ui = Services.get(index, token);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui").doesNotContain("<script>").doesNotContain("<style>");
        HttpResponse<String> config = Services.get(base + "/v3/api-docs/swagger-config", token);
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("/openapi/plan", "/openapi/indicator", "/openapi/risk", "/openapi/budget",
                "/openapi/notification");
        HttpResponse<String> initializer = Services.get(index.replace("index.html", "swagger-initializer.js"), token);
        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).as("Try it out sends the CSRF token").contains("X-XSRF-TOKEN");
    }

    @Test
    void healthIsOpen() {
        assertThat(Services.get(base + "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheSizeLimitIs413ProblemJsonBeforeAnythingIsForwardedAndNeverTripsTheBreaker() throws Exception {
        String token = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", "staff");
        byte[] eleven = new byte[11 * 1024 * 1024];
        int before = seen.size();
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/actions"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(eleven)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).contains("10 MB");
        }
        assertThat(seen).as("nothing forwarded").hasSize(before);
        assertThat(Services.get(base + "/api/actions", token).statusCode()).as("the breaker stays closed").isEqualTo(200);
    }

    @Test
    void aChunkedBodyOverTheSizeLimitIs413TooAndOneUnderItIsForwarded() throws Exception {
        String token = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", "staff");
        HttpResponse<String> big = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/actions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[11 * 1024 * 1024])))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(big.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        int before = seen.size();
        HttpResponse<String> small = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/actions"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream("a,b\n1,2\n".getBytes())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(small.statusCode()).isEqualTo(200);
        assertThat(seen).hasSize(before + 1);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"/api/nowhere", "/nowhere/at/all", "/logout",
            "/api/actions/..%2f..%2fetc%2fpasswd", "/%2e%2e/%2e%2e/etc/passwd", "/api/%00"})
    void theGatewaysOwnErrorsAreProblemJsonWithoutInternals(String path) throws Exception {
        String token = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", "staff");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

        if (response.statusCode() >= 400 && !seenPath(path)) {
            assertThat(response.statusCode()).as(path).isLessThan(500);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
            assertThat(response.body()).contains("\"status\":" + response.statusCode()).doesNotContain("Exception").doesNotContain("at org.");
        } else {
            assertThat(response.statusCode()).as(path + " answered by the service or a redirect").isIn(200, 302);
        }
    }

    private static boolean seenPath(String path) {
        return seen.stream().anyMatch(request -> request.get("path").equals(path));
    }

    @Test
    void anEncodedSlashInAnIdReachesTheServiceUnchanged() throws Exception {
        String token = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", "staff");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/actions/overdue%3Aind-1%3A2021%2F22%20Q3"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(seen).last().satisfies(request -> assertThat(request.get("path")).isEqualTo("/api/actions/overdue%3Aind-1%3A2021%2F22%20Q3"));
    }
}
