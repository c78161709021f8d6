package org.waypoint.plan.support;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.waypoint.plan.PlanServiceApplication;
import org.waypoint.plan.api.PlanTopics;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKafka;
import org.waypoint.testsupport.TestKeycloak;

/**
 * plan-service for each test, on the MongoDB-compatible server, a real Kafka broker with the plans
 * topic and a test Keycloak, with the relay retrying fast and no scheduled scans (tests run them).
 * Register with {@code @RegisterExtension}; {@link #restart()} stops the service and starts it again
 * on the same data. Requests go as with {@link PlanServiceRunning}: a path, a token, then the rest.
 */
public final class PlanServiceWithBroker implements BeforeEachCallback, AfterEachCallback {

    private final String database;
    private InMemoryMongo mongo;
    private TestKafka kafka;
    private TestKeycloak keycloak;
    private ConfigurableApplicationContext app;

    public PlanServiceWithBroker(String database) {
        this.database = database;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        mongo = InMemoryMongo.start();
        kafka = TestKafka.start(PlanTopics.PLANS);
        keycloak = TestKeycloak.start();
        app = startService();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        app.close();
        keycloak.close();
        kafka.close();
        mongo.close();
    }

    /** Stops the service and starts a new one on the same database, broker and Keycloak. */
    public ConfigurableApplicationContext restart() {
        app.close();
        app = startService();
        return app;
    }

    public ConfigurableApplicationContext app() {
        return app;
    }

    public TestKafka kafka() {
        return kafka;
    }

    public TestKeycloak keycloak() {
        return keycloak;
    }

    public HttpResponse<String> post(String path, String token, String json) {
        return Services.post(Services.url(app) + path, token, json);
    }

    /** Any request to the running service, with {@code If-Match} when given. */
    public HttpResponse<String> send(String method, String path, String token, String ifMatch, String json) {
        return PlanServiceRunning.send(method, Services.url(app) + path, token, ifMatch, json, "application/json");
    }

    private ConfigurableApplicationContext startService() {
        return Services.start(PlanServiceApplication.class, PlanServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, Map.of(
                "spring.mongodb.uri", mongo.uri(database),
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.outbox.poll-interval", "100ms",
                "waypoint.scheduling.enabled", "false"));
    }
}
