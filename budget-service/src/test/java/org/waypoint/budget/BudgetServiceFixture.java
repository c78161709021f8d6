package org.waypoint.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.budget.line.persistence.BudgetLineDocument;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.json.JsonMapper;

/**
 * A whole budget-service for the API tests of one test class, over real HTTP: the MongoDB-compatible
 * server, a test Keycloak whose tokens it trusts and the demo users' tokens; no Kafka broker (the
 * outbox relay is off, events stay in the outbox). Register it in the test class:
 * <pre>{@code @RegisterExtension static final BudgetServiceFixture budget = BudgetServiceFixture.of("budgets-api-test");}</pre>
 * It starts before the class's first test and stops after its last, so the test instance's fields
 * may read it ({@code final Users users = budget.users();}).
 */
public final class BudgetServiceFixture implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String database;
    private final Map<String, String> properties = new HashMap<>();
    private boolean noLinesBeforeEachTest;
    private InMemoryMongo mongo;
    private TestKeycloak keycloak;
    private ConfigurableApplicationContext app;
    private Users users;

    private BudgetServiceFixture(String database) {
        this.database = database;
    }

    /** A service storing in its own {@code database}. */
    public static BudgetServiceFixture of(String database) {
        return new BudgetServiceFixture(database);
    }

    /** One more application property (or another value for one set here), e.g. a profile. */
    public BudgetServiceFixture with(String property, String value) {
        properties.put(property, value);
        return this;
    }

    /** Each test starts without budget lines. */
    public BudgetServiceFixture emptiedBeforeEachTest() {
        noLinesBeforeEachTest = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        mongo = InMemoryMongo.start();
        keycloak = TestKeycloak.start();
        Map<String, String> all = new HashMap<>(Map.of(
                "spring.mongodb.uri", mongo.uri(database),
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.outbox.relay.enabled", "false",
                "spring.kafka.admin.auto-create", "false"));
        all.putAll(properties);
        app = Services.start(BudgetServiceApplication.class, BudgetServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, all);
        users = Users.of(keycloak);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (noLinesBeforeEachTest) {
            removeAllLines();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (app != null) {
            app.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (mongo != null) {
            mongo.close();
        }
    }

    public ConfigurableApplicationContext app() {
        return app;
    }

    /** {@code http://127.0.0.1:<port>/api/budgets}. */
    public String base() {
        return Services.url(app) + "/api/budgets";
    }

    /** {@code .../api/budgets/lines}. */
    public String lines() {
        return base() + "/lines";
    }

    /** The README's demo users' tokens. */
    public Users users() {
        return users;
    }

    public MongoTemplate mongo() {
        return app.getBean(MongoTemplate.class);
    }

    /** How many budget lines are stored, withdrawn ones too. */
    public long storedLines() {
        return mongo().count(new Query(), BudgetLineDocument.COLLECTION);
    }

    /**
     * {@code response} is a 400 problem+json whose errors name {@code field}, with no exception in
     * it, and no line is stored; {@code why} describes the case in a failure.
     */
    public void assertRefusedNamingAndNothingStored(HttpResponse<String> response, String field, String why) {
        assertThat(response.statusCode()).as(why + ": " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsString("field")).as(why).contains(field);
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(storedLines()).isZero();
    }

    /** Removes every budget line, for a test that starts from none. */
    public void removeAllLines() {
        mongo().remove(new Query(), BudgetLineDocument.COLLECTION);
    }
}
