package org.waypoint.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKafka;
import org.waypoint.testsupport.TestKeycloak;
import org.waypoint.testsupport.TcpForwarder;

/**
 * Issue 15: while MongoDB cannot be reached, a read is answered 503 problem+json within about two
 * seconds by the service itself (it waited 30 s for a 500 before), and works again when the
 * database is back, without a restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Things.class)
    static class App {
    }

    @RestController
    static class Things {
        private final MongoTemplate mongo;

        Things(MongoTemplate mongo) {
            this.mongo = mongo;
        }

        /** Three database calls, as a list with its count and a look-up makes. */
        @GetMapping("/api/things")
        long things() {
            mongo.getCollection("things").find().first();
            mongo.getCollection("things").countDocuments();
            return mongo.getCollection("things").countDocuments();
        }
    }

    private InMemoryMongo mongo;
    private TcpForwarder link;
    private int linkPort;
    private TestKeycloak keycloak;
    private ConfigurableApplicationContext app;
    private String base;

    @BeforeAll
    void start() throws Exception {
        mongo = InMemoryMongo.start();
        linkPort = TestKafka.freePort();
        link = TcpForwarder.start(linkPort, "127.0.0.1", mongo.port());
        keycloak = TestKeycloak.start();
        app = Services.start(App.class, "database-outage-test", WebApplicationType.SERVLET, Map.of(
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.service-name", "outage-test",
                "waypoint.database", "outage-test",
                "spring.mongodb.uri", "mongodb://127.0.0.1:" + linkPort + "/outage-test",
                "spring.kafka.bootstrap-servers", "127.0.0.1:" + TestKafka.freePort()));
        base = Services.url(app);
        app.getBean(MongoTemplate.class).getCollection("things").insertOne(new Document("_id", "one"));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        link.close();
        mongo.close();
        keycloak.close();
    }

    @Test
    void aRequestWhileTheDatabaseIsDownIs503ProblemJsonWithinAboutTwoSecondsWhateverItReadsAndWorksAgainWhenItIsBack() {
        String token = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", "staff");
        assertThat(Services.get(base + "/api/things", token).body()).isEqualTo("1");

        link.close(); // the database's address answers nothing now
        long started = System.nanoTime();
        HttpResponse<String> during = Services.get(base + "/api/things", token);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(during.statusCode()).isEqualTo(503);
        assertThat(during.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(during.headers().firstValue("Retry-After")).isPresent();
        assertThat(during.body()).contains("database").doesNotContain("Exception").doesNotContain("127.0.0.1");
        assertThat(took).as("one server-selection timeout at most (2 s), not one per database call (three here)")
                .isLessThan(Duration.ofMillis(3_500));
        assertThat(app.getBean(DatabaseReachability.class).isDown()).as("the driver's monitor noticed").isTrue();

        long again = System.nanoTime();
        HttpResponse<String> next = Services.get(base + "/api/things", token);
        assertThat(next.statusCode()).isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - again)).as("refused at once while the database is known to be down")
                .isLessThan(Duration.ofSeconds(1));

        link = TcpForwarder.start(linkPort, "127.0.0.1", mongo.port());
        await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(200))
                .until(() -> Services.get(base + "/api/things", token).statusCode() == 200);
        HttpResponse<String> after = Services.get(base + "/api/things", token);
        assertThat(after.statusCode()).as("back without a restart, within a heartbeat").isEqualTo(200);
        assertThat(after.body()).isEqualTo("1");
    }
}
