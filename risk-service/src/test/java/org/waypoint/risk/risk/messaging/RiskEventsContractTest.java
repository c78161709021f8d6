package org.waypoint.risk.risk.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.risk.RiskServiceApplication;
import org.waypoint.risk.api.RiskTopics;
import org.waypoint.risk.risk.persistence.RiskDocument;
import org.waypoint.risk.support.Http;
import org.waypoint.testsupport.EventContracts;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKafka;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event type risk-service publishes goes through the outbox to a real broker, conforms to its
 * JSON Schema and AsyncAPI declaration, and announcements are published once per transition.
 */
class RiskEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static InMemoryMongo mongo;
    static TestKeycloak keycloak;
    static TestKafka kafka;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        keycloak = TestKeycloak.start();
        kafka = TestKafka.start(RiskTopics.RISKS);
        app = Services.start(RiskServiceApplication.class, RiskServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, Map.of(
                "spring.mongodb.uri", mongo.uri("risks-events-test"),
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.scheduling.enabled", "false"));
    }

    @AfterAll
    static void stop() {
        app.close();
        kafka.close();
        keycloak.close();
        mongo.close();
    }

    @Test
    void everyEventTypeIsPublishedThroughTheOutboxConformsToItsContractAndAnnouncementsComeOnce() {
        String base = Services.url(app);
        String officer = keycloak.token("priya.officer", "priya.shah@waypoint.example", List.of("Children and Justice"),
                "performance-officer", "staff");
        String register = JSON.readTree(Services.post(base + "/api/risk-registers", officer,
                "{\"name\":\"CHCJ Service Improvement Plan 2021/24\",\"serviceArea\":\"Children and Justice\"}").body()).path("id").asString();
        String overdue = raise(base, officer, register, "CHCJRISK02", "2021-09-01",
                ",\"mitigations\":[{\"text\":\"Transformational change programme\",\"dueDate\":\"2022-03-31\",\"status\":\"IN_PROGRESS\","
                        + "\"owner\":{\"name\":\"Sarah Campbell\",\"username\":\"sarah.manager\",\"email\":\"sarah.campbell@waypoint.example\"}}]");
        String dueSoon = raise(base, officer, register, "CHCJRISK03", LocalDate.now().plusDays(5).toString(), "");

        // RiskAssessed + RiskEscalated (3x4 HIGH -> 4x5 VERY_HIGH), then the same again: nothing more
        String assessments = base + "/api/risks/" + overdue + "/assessments";
        assertThat(Http.post(assessments, officer, "\"0\"", "{\"likelihood\":4,\"impact\":5,\"justification\":\"funding cut\"}").statusCode()).isEqualTo(200);
        assertThat(Http.post(assessments, officer, "\"1\"", "{\"likelihood\":4,\"impact\":5,\"justification\":\"still\"}").statusCode()).isEqualTo(200);
        // RiskReviewOverdue, MitigationOverdue, RiskReviewDue; a second check announces nothing again
        JsonNode firstCheck = JSON.readTree(Http.post(base + "/api/risks/check", officer, null, "").body());
        JsonNode secondCheck = JSON.readTree(Http.post(base + "/api/risks/check", officer, null, "").body());
        assertThat(firstCheck.path("risksAnnounced").asInt()).isEqualTo(2);
        assertThat(secondCheck.path("risksAnnounced").asInt()).isZero();
        // RiskClosed
        assertThat(Http.post(base + "/api/risks/" + dueSoon + "/close", officer, "\"1\"", "{\"reason\":\"Merged into CHCJRISK02\"}").statusCode()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
        List<ConsumerRecord<String, String>> published = kafka.read(RiskTopics.RISKS, 8, Duration.ofSeconds(20));
        assertThat(kafka.read(RiskTopics.RISKS, 9, Duration.ofSeconds(3))).as("nothing published twice").hasSize(8);

        EventContracts contracts = new EventContracts();
        published.forEach(r -> contracts.assertConforms("risk-service", RiskTopics.RISKS, r.value()));
        List<String> types = published.stream().map(r -> JSON.readTree(r.value()).path("type").asString()).toList();
        assertThat(types).containsExactlyInAnyOrder(
                "org.waypoint.risk.RiskRaised.v1", "org.waypoint.risk.RiskRaised.v1",
                "org.waypoint.risk.RiskAssessed.v1", "org.waypoint.risk.RiskEscalated.v1",
                "org.waypoint.risk.RiskReviewOverdue.v1", "org.waypoint.risk.MitigationOverdue.v1",
                "org.waypoint.risk.RiskReviewDue.v1", "org.waypoint.risk.RiskClosed.v1");
        assertThat(published).allSatisfy(r -> {
            JsonNode event = JSON.readTree(r.value());
            assertThat(event.path("source").asString()).isEqualTo(RiskTopics.SOURCE);
            assertThat(event.path("subject").asString()).isEqualTo(r.key());
            assertThat(event.path("data").path("riskId").asString()).isEqualTo(r.key());
        });
        JsonNode escalated = published.stream().map(r -> JSON.readTree(r.value()))
                .filter(e -> e.path("type").asString().endsWith("RiskEscalated.v1")).findFirst().orElseThrow().path("data");
        assertThat(escalated.path("reasons").toString()).contains("TOP_BAND");
        assertThat(escalated.path("owner").path("email").asString()).isEqualTo("jamie.wilson@waypoint.example");
        assertThat(escalated.path("previousBand").asString()).isEqualTo("HIGH");
        assertThat(escalated.path("current").path("score").asInt()).isEqualTo(20);
    }

    private static String raise(String base, String token, String register, String code, String nextReview, String extra) {
        var response = Services.post(base + "/api/risks", token, """
                {"registerId":"%s","code":"%s","title":"Failure to be sustainable","category":"Financial",
                 "owner":{"name":"Jamie Wilson","username":"jamie.lead","email":"jamie.wilson@waypoint.example"},
                 "current":{"likelihood":3,"impact":4},"nextReviewDue":"%s"%s}""".formatted(register, code, nextReview, extra));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asString();
    }

    private static long pending() {
        return app.getBean(MongoTemplate.class).find(new Query(Criteria.where("outbox.0").exists(true)), Document.class,
                RiskDocument.COLLECTION).size();
    }
}
