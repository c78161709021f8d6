package org.waypoint.budget.line.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import org.waypoint.budget.BudgetServiceApplication;
import org.waypoint.budget.Http;
import org.waypoint.budget.Users;
import org.waypoint.budget.api.BudgetTopics;
import org.waypoint.budget.line.persistence.BudgetLineDocument;
import org.waypoint.testsupport.EventContracts;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKafka;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event type budget-service publishes goes through the outbox to a real Kafka broker, once
 * per transition, and conforms to its JSON Schema and the AsyncAPI document.
 */
class BudgetEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static InMemoryMongo mongo;
    static TestKeycloak keycloak;
    static TestKafka kafka;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        keycloak = TestKeycloak.start();
        kafka = TestKafka.start(BudgetTopics.BUDGETS);
        app = Services.start(BudgetServiceApplication.class, BudgetServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, Map.of(
                "spring.mongodb.uri", mongo.uri("budgets-events-test"),
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.outbox.poll-interval", "100ms"));
    }

    @AfterAll
    static void stop() {
        app.close();
        kafka.close();
        keycloak.close();
        mongo.close();
    }

    @Test
    void eachEventTypeIsPublishedOncePerTransitionAndConformsToItsContract() {
        Users users = Users.of(keycloak);
        String lines = Services.url(app) + "/api/budgets/lines";
        HttpResponse created = new HttpResponse(Http.post(lines, users.fiona(), """
                {"financialYear":"2021/22","organisation":"East Ayrshire Health and Social Care Partnership",
                 "division":"Outwith / Secure Placements","fundingSource":"EAC Delegated","amount":5568000,
                 "holder":{"name":"Jamie Wilson","username":"jamie.lead","email":"jamie.wilson@waypoint.example"}}"""));
        String id = created.json().path("id").asString();
        String line = lines + "/" + id;

        record(line, users.jamie(), "Q1", "1400000", "5568000", 0);        // OutturnProjected (green)
        record(line, users.jamie(), "Q2", "2900000", "5900000", 1);        // OutturnProjected + OverspendProjected (+5.96%)
        record(line, users.jamie(), "Q3", "4300000", "5950000", 2);        // OutturnProjected only: still red
        HttpResponse raised = new HttpResponse(Http.put(line, users.fiona(), """
                {"financialYear":"2021/22","organisation":"East Ayrshire Health and Social Care Partnership",
                 "division":"Outwith / Secure Placements","fundingSource":"EAC Delegated","amount":5950000,
                 "holder":{"name":"Jamie Wilson","username":"jamie.lead","email":"jamie.wilson@waypoint.example"}}""", "\"3\""));
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);     // BudgetChanged + OverspendCleared
        assertThat(Http.delete(line, users.fiona(), "\"4\"").statusCode()).isEqualTo(200); // BudgetChanged (withdrawn)

        await().atMost(Duration.ofSeconds(30)).until(() -> pending() == 0);
        // one more than expected, so that an extra event shows; the consumer group's first rebalance can take seconds on a busy machine
        List<ConsumerRecord<String, String>> published = kafka.read(BudgetTopics.BUDGETS, 9, Duration.ofSeconds(20));

        assertThat(published).extracting(r -> JSON.readTree(r.value()).path("type").asString()).containsExactly(
                "org.waypoint.budget.BudgetSet.v1",
                "org.waypoint.budget.OutturnProjected.v1",
                "org.waypoint.budget.OutturnProjected.v1", "org.waypoint.budget.OverspendProjected.v1",
                "org.waypoint.budget.OutturnProjected.v1",
                "org.waypoint.budget.BudgetChanged.v1", "org.waypoint.budget.OverspendCleared.v1",
                "org.waypoint.budget.BudgetChanged.v1");
        EventContracts contracts = new EventContracts();
        assertThat(published).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(id);
            contracts.assertConforms("budget-service", BudgetTopics.BUDGETS, r.value());
            JsonNode event = JSON.readTree(r.value());
            assertThat(event.path("source").asString()).isEqualTo(BudgetTopics.SOURCE);
            assertThat(event.path("data").path("line").path("holder").path("email").asString()).isEqualTo("jamie.wilson@waypoint.example");
        });
        JsonNode overspend = JSON.readTree(published.get(3).value()).path("data");
        assertThat(overspend.path("variance").asString()).isEqualTo("332000.00");
        assertThat(overspend.path("variancePercent").asString()).isEqualTo("5.96");
        assertThat(overspend.path("line").path("serviceArea").asString()).isEqualTo("Children and Justice");
    }

    private static void record(String line, String token, String period, String actual, String outturn, int version) {
        var response = Http.post(line + "/monitoring", token, "{\"period\":\"" + period + "\",\"actualToDate\":" + actual
                + ",\"projectedOutturn\":" + outturn + "}", "\"" + version + "\"");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static long pending() {
        return app.getBean(MongoTemplate.class).count(new Query(Criteria.where("outbox.0").exists(true)), Document.class,
                BudgetLineDocument.COLLECTION);
    }

    private record HttpResponse(java.net.http.HttpResponse<String> response) {
        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            return JSON.readTree(response.body());
        }
    }
}
