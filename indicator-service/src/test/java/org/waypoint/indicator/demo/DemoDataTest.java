package org.waypoint.indicator.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.indicator.Http;
import org.waypoint.indicator.IndicatorServiceApplication;
import org.waypoint.indicator.indicator.persistence.IndicatorDocument;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The local profile's demo data: the seeds' indicators, loaded once, reproducing seed 001's committee summary. */
class DemoDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static InMemoryMongo mongo;
    static TestKeycloak keycloak;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        keycloak = TestKeycloak.start();
        app = startWithDemoData();
    }

    static ConfigurableApplicationContext startWithDemoData() {
        return Services.start(IndicatorServiceApplication.class, IndicatorServiceApplication.CONFIG_NAME,
                WebApplicationType.SERVLET, Map.of(
                        "spring.profiles.active", "local",
                        "spring.mongodb.uri", mongo.uri("indicators-demo-test"),
                        "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                        "waypoint.keycloak.url", keycloak.url(),
                        "waypoint.outbox.relay.enabled", "false",
                        "waypoint.scheduling.enabled", "false",
                        "spring.kafka.admin.auto-create", "false"));
    }

    @AfterAll
    static void stop() {
        app.close();
        keycloak.close();
        mongo.close();
    }

    static long count(String codePrefix) {
        return app.getBean(MongoTemplate.class).count(new Query(Criteria.where("code").regex("^" + codePrefix)),
                IndicatorDocument.COLLECTION);
    }

    @Test
    void theSeedsIndicatorsAreLoaded() {
        assertThat(count("SL-")).as("South Lanarkshire's measures, seed 003").isEqualTo(21);
        assertThat(count("EA-")).as("East Ayrshire's quality dashboard, seed 000").isEqualTo(16);
        assertThat(count("DG-")).as("Dumfries and Galloway's KPIs, seed 004").isEqualTo(16);
        assertThat(count("SA-")).as("South Ayrshire's committee report, seed 001").isEqualTo(25);
    }

    @Test
    void southAyrshiresStatusesReproduceSeed001sCommitteeSummary() {
        String auditor = keycloak.token("alex.auditor", "alex.reid@waypoint.example", "auditor");
        JsonNode summary = JSON.readTree(Http.get(Services.url(app) + "/api/indicators/summary?q=SA-&period="
                + Http.query("2021/22 Q3"), auditor).body());

        assertThat(summary.path("total").asInt()).isEqualTo(25);
        assertThat(summary.path("statuses").findValues("count").stream().map(JsonNode::asInt).toList()).containsExactly(9, 13, 2, 1);
        assertThat(summary.path("statuses").findValues("percent").stream().map(JsonNode::asInt).toList()).containsExactly(36, 52, 8, 4);
        assertThat(summary.path("statuses").findValuesAsString("label"))
                .containsExactly("No concerns", "Some concerns", "Major concerns", "N/A");
        assertThat(summary.path("redWithoutCommentary").asInt()).as("both reds carry their remedial action").isZero();

        JsonNode exceptions = JSON.readTree(Http.get(Services.url(app) + "/api/indicators/exceptions?q=SA-&period="
                + Http.query("2021/22 Q3"), auditor).body());
        assertThat(exceptions.path("items").findValuesAsString("code")).containsExactly("SA-4.6", "SA-5.8");
        assertThat(exceptions.path("items").get(0).path("asAt").path("commentary").asString()).contains("sickness leave");
    }

    @Test
    void dumfriesAndGallowayKeepsValuesNotYetAvailableAndBenchmarks() {
        String auditor = keycloak.token("alex.auditor", "alex.reid@waypoint.example", "auditor");
        JsonNode rows = JSON.readTree(Http.get(Services.url(app) + "/api/indicators?q=DG-2&size=5", auditor).body());
        JsonNode dg2 = rows.path("items").get(0);
        assertThat(dg2.path("benchmarkSource").asString()).isEqualTo("LGBF");
        assertThat(dg2.path("asAt").path("status").asString()).as("£228 against a £230 ceiling").isEqualTo("GREEN");
        assertThat(dg2.path("asAt").path("trend").asString()).as("up from £226: worse for a cost").isEqualTo("WORSENING");

        JsonNode dg3 = JSON.readTree(Http.get(Services.url(app) + "/api/indicators?q=DG-3&size=5", auditor).body())
                .path("items").get(0).path("asAt");
        assertThat(dg3.path("period").asString()).isEqualTo("2018/19");
        assertThat(dg3.path("expectedOn").asString()).isEqualTo("2020-01-31");
        assertThat(dg3.path("status").asString()).isEqualTo("GREY");
    }

    @Test
    void startingAgainLoadsNothingTwiceAndEachInstanceSeesTheOthersSavesInItsSummary() {
        long before = app.getBean(MongoTemplate.class).count(new Query(), IndicatorDocument.COLLECTION);
        String officer = keycloak.token("priya.officer", "priya.shah@waypoint.example", "performance-officer");
        String auditor = keycloak.token("alex.auditor", "alex.reid@waypoint.example", "auditor");
        try (ConfigurableApplicationContext again = startWithDemoData()) {
            assertThat(again.getBean(MongoTemplate.class).count(new Query(), IndicatorDocument.COLLECTION)).isEqualTo(before);

            var created = Http.post(Services.url(again) + "/api/indicators", officer, """
                    {"code":"X-1","name":"Saved by the other instance","unit":"count","polarity":"monitor only",
                     "frequency":"annual","serviceArea":"Performance and Support"}""");
            assertThat(created.statusCode()).isEqualTo(201);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() ->
                    assertThat(JSON.readTree(Http.get(Services.url(app) + "/api/indicators/summary?q=X-1", auditor).body())
                            .path("total").asInt()).isEqualTo(1));
        }
        assertThat(before).isEqualTo(78);
    }
}
