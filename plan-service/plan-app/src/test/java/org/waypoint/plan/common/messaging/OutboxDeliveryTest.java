package org.waypoint.plan.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.plan.PlanServiceApplication;
import org.waypoint.plan.action.persistence.ActionDocument;
import org.waypoint.plan.api.PlanTopics;
import org.waypoint.plan.support.PlanJson;
import org.waypoint.plan.support.PlanServiceRunning;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKafka;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.json.JsonMapper;

/**
 * Nothing lost: changes saved while Kafka is down, or just before the process dies, are published
 * once Kafka (or a new process) is back. Real broker, real MongoDB-compatible server.
 */
class OutboxDeliveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private InMemoryMongo mongo;
    private TestKeycloak keycloak;
    private TestKafka kafka;
    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

    @BeforeEach
    void start() {
        mongo = InMemoryMongo.start();
        keycloak = TestKeycloak.start();
    }

    @AfterEach
    void stop() {
        apps.forEach(ConfigurableApplicationContext::close);
        if (kafka != null) {
            kafka.close();
        }
        keycloak.close();
        mongo.close();
    }

    @Test
    void actionsCreatedWhileKafkaIsDownArePublishedWhenItComesBack() {
        int kafkaPort = TestKafka.freePort();
        ConfigurableApplicationContext app = startPlanService("127.0.0.1:" + kafkaPort, true);

        List<String> ids = createActions(app, 5);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> pendingOutboxMessages(app) == 6); // the plan and five actions

        kafka = TestKafka.startReachableAt(kafkaPort, PlanTopics.PLANS);

        await().atMost(Duration.ofSeconds(60)).until(() -> pendingOutboxMessages(app) == 0);
        List<ConsumerRecord<String, String>> published = kafka.read(PlanTopics.PLANS, 6, Duration.ofSeconds(20)).stream()
                .filter(r -> !r.value().contains("PlanCreated")).toList();
        assertThat(published).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(published).allSatisfy(r -> {
            var event = JSON.readTree(r.value());
            assertThat(event.path("specversion").asString()).isEqualTo("1.0");
            assertThat(event.path("type").asString()).isEqualTo("org.waypoint.plan.ActionCreated.v1");
            assertThat(event.path("subject").asString()).isEqualTo(r.key());
            assertThat(event.path("data").path("actionId").asString()).isEqualTo(r.key());
        });
    }

    @Test
    void eventsSavedJustBeforeTheProcessDiesArePublishedByTheNextProcess() {
        kafka = TestKafka.start(PlanTopics.PLANS);
        ConfigurableApplicationContext first = startPlanService(kafka.bootstrapServers(), false);
        List<String> ids = createActions(first, 3);
        assertThat(pendingOutboxMessages(first)).isEqualTo(4); // the plan and three actions
        first.close(); // the process "dies" with its events saved but not yet published
        apps.remove(first);

        ConfigurableApplicationContext second = startPlanService(kafka.bootstrapServers(), true);

        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutboxMessages(second) == 0);
        List<ConsumerRecord<String, String>> published = kafka.read(PlanTopics.PLANS, 4, Duration.ofSeconds(20)).stream()
                .filter(r -> !r.value().contains("PlanCreated")).toList();
        assertThat(published).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void eachEventIsPublishedOnceAndInOrderPerAction() {
        kafka = TestKafka.start(PlanTopics.PLANS);
        ConfigurableApplicationContext app = startPlanService(kafka.bootstrapServers(), true);
        List<String> ids = createActions(app, 4); // due "2021": each also becomes overdue
        String manager = keycloak.token("sarah.manager", "sarah.campbell@waypoint.example", "manager");
        Services.post(Services.url(app) + "/api/actions/overdue-check", manager, "");
        Services.post(Services.url(app) + "/api/actions/overdue-check", manager, "");

        await().atMost(Duration.ofSeconds(30)).until(() -> pendingOutboxMessages(app) == 0);
        List<ConsumerRecord<String, String>> published = kafka.read(PlanTopics.PLANS, 10, Duration.ofSeconds(10))
                .stream().filter(r -> ids.contains(r.key())).toList();

        assertThat(published).hasSize(8);
        Map<String, List<String>> typesByAction = new HashMap<>();
        published.forEach(r -> typesByAction.computeIfAbsent(r.key(), k -> new ArrayList<>())
                .add(JSON.readTree(r.value()).path("type").asString()));
        assertThat(typesByAction.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(typesByAction.values()).allSatisfy(types -> assertThat(types).containsExactly(
                "org.waypoint.plan.ActionCreated.v1", "org.waypoint.plan.ActionBecameOverdue.v1"));
        Set<String> eventIds = published.stream().map(r -> JSON.readTree(r.value()).path("id").asString())
                .collect(Collectors.toSet());
        assertThat(eventIds).hasSize(8);
    }

    @Test
    void aRescanOnTheSameDayExaminesNothingAndLeavesEveryActionAsItWas() {
        kafka = TestKafka.start(PlanTopics.PLANS);
        ConfigurableApplicationContext app = startPlanService(kafka.bootstrapServers(), true);
        List<String> ids = createActions(app, 3); // due "2021": overdue
        String officer = keycloak.token("priya.officer", "priya.shah@waypoint.example", "performance-officer");
        String url = Services.url(app) + "/api/actions/";
        assertThat(PlanServiceRunning.send("POST", url + ids.get(2) + "/progress", officer, "\"0\"",
                "{\"progressPercent\":100,\"text\":\"Placements agreed with both universities.\"}", "application/json").statusCode())
                .as("the third action is complete").isEqualTo(201);
        String manager = keycloak.token("sarah.manager", "sarah.campbell@waypoint.example", "manager");

        var first = JSON.readTree(Services.post(url + "overdue-check", manager, "").body());
        Map<String, String> etags = new HashMap<>();
        ids.forEach(id -> etags.put(id, Services.get(url + id, officer).headers().firstValue("ETag").orElseThrow()));
        var second = JSON.readTree(Services.post(url + "overdue-check", manager, "").body());
        var third = JSON.readTree(Services.post(url + "overdue-check", manager, "").body());

        assertThat(first.path("announced").asInt()).isEqualTo(2);
        assertThat(second.path("examined").asInt()).as("nothing is due for review again today").isZero();
        assertThat(third.path("examined").asInt()).isZero();
        ids.forEach(id -> assertThat(Services.get(url + id, officer).headers().firstValue("ETag").orElseThrow())
                .as("a rescan does not rewrite action %s", id).isEqualTo(etags.get(id)));
    }

    private ConfigurableApplicationContext startPlanService(String kafkaBootstrap, boolean relay) {
        ConfigurableApplicationContext app = Services.start(PlanServiceApplication.class, PlanServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, Map.of(
                "spring.mongodb.uri", mongo.uri("plans-outbox-test"),
                "spring.kafka.bootstrap-servers", kafkaBootstrap,
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.outbox.relay.enabled", String.valueOf(relay),
                "waypoint.outbox.poll-interval", "200ms",
                "waypoint.scheduling.enabled", "false",
                "spring.kafka.admin.auto-create", "false"));
        apps.add(app);
        return app;
    }

    private List<String> createActions(ConfigurableApplicationContext app, int count) {
        String officer = keycloak.token("priya.officer", "priya.shah@waypoint.example", "performance-officer");
        if (Services.get(Services.url(app) + "/api/plans/ea-sip", officer).statusCode() == 404) {
            assertThat(Services.post(Services.url(app) + "/api/plans", officer,
                    PlanJson.plan("ea-sip", "Children and Justice")).statusCode()).isEqualTo(201);
        }
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            var response = Services.post(Services.url(app) + "/api/actions", officer, """
                    {"planId":"ea-sip","reference":"CW-%d","title":"Develop blended approaches to practice placements %d",
                     "serviceArea":"Children and Justice","due":"2021","leads":[{"name":"Senior Manager"}]}""".formatted(i, i));
            assertThat(response.statusCode()).isEqualTo(201);
            ids.add(JSON.readTree(response.body()).path("id").asString());
        }
        return ids;
    }

    private static long pendingOutboxMessages(ConfigurableApplicationContext app) {
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        return java.util.stream.Stream.of(ActionDocument.COLLECTION, "plans")
                .flatMap(c -> mongo.find(new Query(Criteria.where("outbox.0").exists(true)), Document.class, c).stream())
                .mapToLong(d -> d.getList("outbox", Document.class).size()).sum();
    }
}
