package org.waypoint.risk.support;

import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.risk.RiskServiceApplication;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

/**
 * risk-service running for API tests: the MongoDB-compatible server, signed tokens for the demo
 * people, no Kafka (the outbox keeps the events) and no scheduled reviews.
 */
public final class RiskServiceRunning implements AutoCloseable {

    public static final String CHILDREN = "Children and Justice";
    public static final String ADULTS = "Adult and Older People";

    private final InMemoryMongo mongo = InMemoryMongo.start();
    private final TestKeycloak keycloak = TestKeycloak.start();
    private final ConfigurableApplicationContext app;
    public final String base;

    public final String officer; // performance officer
    public final String jamie;   // staff, Children and Justice
    public final String morag;   // staff, Adults
    public final String sarah;   // manager, Children and Justice
    public final String david;   // manager, Adults
    public final String auditor;

    public RiskServiceRunning(String database) {
        app = Services.start(RiskServiceApplication.class, RiskServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, Map.of(
                "spring.mongodb.uri", mongo.uri(database),
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.outbox.relay.enabled", "false",
                "waypoint.scheduling.enabled", "false",
                "spring.kafka.admin.auto-create", "false"));
        base = Services.url(app);
        officer = keycloak.token("priya.officer", "priya.shah@waypoint.example", List.of(CHILDREN, ADULTS), "performance-officer", "staff");
        jamie = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", List.of(CHILDREN), "staff");
        morag = keycloak.token("morag.lead", "morag.clark@waypoint.example", List.of(ADULTS), "staff");
        sarah = keycloak.token("sarah.manager", "sarah.campbell@waypoint.example", List.of(CHILDREN), "manager", "staff");
        david = keycloak.token("david.manager", "david.brown@waypoint.example", List.of(ADULTS), "manager", "staff");
        auditor = keycloak.token("alex.auditor", "alex.reid@waypoint.example", "auditor");
    }

    public MongoTemplate mongo() {
        return app.getBean(MongoTemplate.class);
    }

    /** Removes every document of these collections. */
    public void empty(String... collections) {
        for (String collection : collections) {
            mongo().remove(new Query(), collection);
        }
    }

    @Override
    public void close() {
        app.close();
        keycloak.close();
        mongo.close();
    }
}
