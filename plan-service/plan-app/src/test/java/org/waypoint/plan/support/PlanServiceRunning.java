package org.waypoint.plan.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.plan.PlanServiceApplication;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * plan-service running for API tests: the MongoDB-compatible server, signed tokens for the demo
 * people, no Kafka (the outbox keeps the events) and no scheduled scans.
 */
public final class PlanServiceRunning implements AutoCloseable {

    public static final String CHILDREN = "Children and Justice";
    public static final String ADULTS = "Adult and Older People";
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public final InMemoryMongo mongo = InMemoryMongo.start();
    public final TestKeycloak keycloak = TestKeycloak.start();
    public final ConfigurableApplicationContext app;
    public final String base;

    public final String jamie;   // staff, Children and Justice
    public final String morag;   // staff, Adults
    public final String sarah;   // manager, Children and Justice
    public final String david;   // manager, Adults
    public final String priya;   // performance officer
    public final String alex;    // auditor

    public PlanServiceRunning() {
        this(Map.of());
    }

    /** With more (or other) properties, such as another staff directory. */
    public PlanServiceRunning(Map<String, String> more) {
        Map<String, String> properties = new java.util.HashMap<>(Map.of(
                "spring.mongodb.uri", mongo.uri("plans-api-test"),
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "spring.kafka.admin.auto-create", "false",
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.outbox.relay.enabled", "false",
                "waypoint.scheduling.enabled", "false"));
        properties.putAll(more);
        app = Services.start(PlanServiceApplication.class, PlanServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, properties);
        base = Services.url(app);
        jamie = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", List.of(CHILDREN), "staff");
        morag = keycloak.token("morag.lead", "morag.clark@waypoint.example", List.of(ADULTS), "staff");
        sarah = keycloak.token("sarah.manager", "sarah.campbell@waypoint.example", List.of(CHILDREN), "manager", "staff");
        david = keycloak.token("david.manager", "david.brown@waypoint.example", List.of(ADULTS), "manager", "staff");
        priya = keycloak.token("priya.officer", "priya.shah@waypoint.example", List.of(), "performance-officer", "staff");
        alex = keycloak.token("alex.auditor", "alex.reid@waypoint.example", List.of(), "auditor");
    }

    public MongoTemplate mongo() {
        return app.getBean(MongoTemplate.class);
    }

    public long count(String collection) {
        return mongo().count(new Query(), collection);
    }

    public void empty(String... collections) {
        for (String c : collections) {
            mongo().remove(new Query(), c);
        }
    }

    public HttpResponse<String> get(String path, String token) {
        return Services.get(base + path, token);
    }

    public HttpResponse<String> post(String path, String token, String json) {
        return Services.post(base + path, token, json);
    }

    public HttpResponse<String> send(String method, String path, String token, String ifMatch, String json) {
        return send(method, base + path, token, ifMatch, json, "application/json");
    }

    /** Any request to any running service ({@code url} in full), with {@code If-Match} when given. */
    public static HttpResponse<String> send(String method, String url, String token, String ifMatch, String body,
                                            String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Creates a plan as the performance officer and returns its id. */
    public String createPlan(String id, String serviceArea) {
        HttpResponse<String> response = post("/api/plans", priya, PlanJson.plan(id, serviceArea));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).path("id").asString();
    }

    public static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
    }

    public static void assertInvalidField(HttpResponse<String> response, String field) {
        assertProblem(response, 400);
        assertThat(json(response).path("errors").findValuesAsString("field")).contains(field);
    }

    @Override
    public void close() {
        app.close();
        keycloak.close();
        mongo.close();
    }
}
