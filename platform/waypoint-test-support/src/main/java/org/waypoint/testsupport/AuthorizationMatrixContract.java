package org.waypoint.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * What every service's {@code AuthorizationMatrixTest} checks, once: the service runs (against the
 * MongoDB-compatible server and signed tokens), its {@code authorization-matrix.yml} names every
 * endpoint it maps and nothing else, every caller gets what the matrix says, and the API
 * description is open without a token and titled {@code "Waypoint <service>"}.
 *
 * <p>A service's test extends this, starts the service in {@link #startService} (usually with
 * {@link #startWithoutBroker}) and stores its sample data in {@link #fixtures}, naming the owner
 * {@link AuthorizationMatrix#OWNER}; the matrix runs the fixtures before each call that changes data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AuthorizationMatrixContract {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private InMemoryMongo mongo;
    private TestKeycloak keycloak;
    private ConfigurableApplicationContext app;
    private String base;
    private AuthorizationMatrix matrix;

    /** Starts the service under test against {@code mongo}, trusting {@code keycloak}'s tokens. */
    protected abstract ConfigurableApplicationContext startService(InMemoryMongo mongo, TestKeycloak keycloak);

    /** Empties what the fixtures store, stores them again and returns the matrix's path variables. */
    protected abstract Map<String, String> fixtures();

    /** The service's name, as in its API description's title and the generated table: {@code plan-service}. */
    protected abstract String serviceName();

    /**
     * Starts {@code application} as a servlet application reading {@code <configName>.yml}, with its
     * data in {@code database} on {@code mongo}, {@code keycloak} as its token issuer, no Kafka broker
     * (nor topic creation) and no outbox relay; {@code more} properties are added or win.
     */
    protected static ConfigurableApplicationContext startWithoutBroker(Class<?> application, String configName, String database,
                                                                       InMemoryMongo mongo, TestKeycloak keycloak,
                                                                       Map<String, String> more) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "spring.mongodb.uri", mongo.uri(database),
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "spring.kafka.admin.auto-create", "false",
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.outbox.relay.enabled", "false"));
        properties.putAll(more);
        return Services.start(application, configName, WebApplicationType.SERVLET, properties);
    }

    @BeforeAll
    void startTheServiceAndLoadTheMatrix() {
        mongo = InMemoryMongo.start();
        keycloak = TestKeycloak.start();
        app = startService(mongo, keycloak);
        base = Services.url(app);
        matrix = AuthorizationMatrix.load("/authorization-matrix.yml", keycloak);
    }

    @AfterAll
    void stopTheService() {
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

    /** The running service. */
    protected ConfigurableApplicationContext app() {
        return app;
    }

    /** The running service's address: {@code http://127.0.0.1:<port>}. */
    protected String base() {
        return base;
    }

    /** The service's matrix, whose {@link AuthorizationMatrix#token} signs a token for any of its callers. */
    protected AuthorizationMatrix matrix() {
        return matrix;
    }

    @Test
    void everyEndpointHasAnEntryInTheMatrixAndEveryEntryAnEndpoint() {
        matrix.assertCovers(app);
    }

    @Test
    void everyCallerGetsWhatTheMatrixSays() {
        matrix.assertAsExpected(matrix.run(base, this::fixtures), serviceName());
    }

    /**
     * Issue 16: generated inputs in every query parameter, path variable, JSON field, body and file of
     * every endpoint, sent as an admin (who reaches every check): never a 5xx, every 4xx problem+json.
     * The seed is fixed so that a failure repeats; {@code -Dwaypoint.probe.seed=<n>} tries others.
     */
    @Test
    void noGeneratedInputGetsA5xxAndEveryRefusalIsProblemJson() {
        long seed = Long.getLong("waypoint.probe.seed", 20261207L);
        int tries = Integer.getInteger("waypoint.probe.tries", 4);
        InputRobustness.Result result = InputRobustness.probe(base, matrix.entries(), matrix.token("admin"), this::fixtures, seed, tries);

        assertThat(result.sent()).as("requests answered").isGreaterThan(matrix.entries().size() * tries);
        assertThat(result.findings()).as("requests (seed " + seed + ") that got a 5xx or a 4xx that is not problem+json")
                .isEmpty();
    }

    @Test
    void theApiDescriptionIsOpenWithoutAToken() {
        AuthorizationMatrix.assertOpenToAnonymous(base, "/v3/api-docs");
        String document = Services.get(base + "/v3/api-docs", null).body();
        assertThat(JSON.readTree(document).path("info").path("title").asString())
                .as("the title of the API description").isEqualTo("Waypoint " + serviceName());
    }
}
