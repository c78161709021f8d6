package org.waypoint.plan.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.waypoint.plan.PlanServiceApplication;
import org.waypoint.plan.action.domain.ActionFixture;
import org.waypoint.plan.action.domain.Actions;
import org.waypoint.plan.action.persistence.ActionDocument;
import org.waypoint.plan.action.domain.StatusRule;
import org.waypoint.plan.api.PlanTopics;
import org.waypoint.plan.common.domain.HistoryEntry;
import org.waypoint.plan.support.PlanJson;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

/**
 * The outbox against real MongoDB (a replica set) and real Kafka images. Skipped where there is
 * no Docker engine; the same behaviour is covered here by OutboxDeliveryTest on the
 * MongoDB-compatible server and an in-process broker.
 */
@Testcontainers(disabledWithoutDocker = true)
class OutboxOnRealMongoAndKafkaTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8");
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();
    static TestKeycloak keycloak;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        keycloak = TestKeycloak.start();
        app = Services.start(PlanServiceApplication.class, PlanServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, Map.of(
                "spring.mongodb.uri", MONGO.getReplicaSetUrl("waypoint-plans"),
                "spring.kafka.bootstrap-servers", KAFKA.getBootstrapServers(),
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.scheduling.enabled", "false"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void aCreatedActionIsPublishedAndLeavesAnEmptyOutbox() {
        String officer = keycloak.token("priya.officer", "priya.shah@waypoint.example", "performance-officer");
        assertThat(Services.post(Services.url(app) + "/api/plans", officer, PlanJson.plan("ea-sip", "Children and Justice"))
                .statusCode()).isEqualTo(201);
        var response = Services.post(Services.url(app) + "/api/actions", officer,
                PlanJson.action("ea-sip", "Children and Justice", "2021-2024", "jamie.lead"));
        assertThat(response.statusCode()).isEqualTo(201);

        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.findAll(Document.class, ActionDocument.COLLECTION).stream()
                .allMatch(d -> d.getList("outbox", Document.class).isEmpty()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(PlanTopics.PLANS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value().contains("ActionCreated")) {
                        return true;
                    }
                }
                return false;
            });
        }
    }

    @Test
    void theReviewQueueFindsAnOverdueActionOnceOnRealMongo() {
        String officer = keycloak.token("priya.officer", "priya.shah@waypoint.example", "performance-officer");
        Services.post(Services.url(app) + "/api/plans", officer, PlanJson.plan("ea-sip-review", "Children and Justice"));
        var created = Services.post(Services.url(app) + "/api/actions", officer,
                PlanJson.simpleAction("ea-sip-review", "Children and Justice", "2021", null, "jamie.lead"));
        assertThat(created.statusCode()).isEqualTo(201);

        var first = JSON.readTree(Services.post(Services.url(app) + "/api/actions/overdue-check", officer, "").body());
        var second = JSON.readTree(Services.post(Services.url(app) + "/api/actions/overdue-check", officer, "").body());

        assertThat(first.path("examined").asInt()).isPositive();
        assertThat(first.path("announced").asInt()).isPositive();
        assertThat(second.path("examined").asInt()).isZero();
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();
        assertThat(app.getBean(MongoTemplate.class).findAll(Document.class, "action_review_queue").stream()
                .filter(b -> b.getString("_id").startsWith(today + "#"))
                .flatMap(b -> b.getList("entries", Document.class).stream()).toList())
                .as("nothing left queued for today").isEmpty();
    }

    @Test
    void aStaleUpdateIsRefusedOnRealMongo() {
        Actions actions = app.getBean(Actions.class);
        var action = ActionFixture.anAction().build();
        actions.insert(new Actions.Insertion(action, List.of(), new HistoryEntry(Instant.now(), "test", "created", List.of()), null));
        var announced = action.review(java.time.LocalDate.of(2022, 4, 1), StatusRule.DEFAULT).orElseThrow();
        actions.update(announced.action(), announced.events(), null, null);

        assertThatThrownBy(() -> actions.update(announced.action(), announced.events(), null, null))
                .isInstanceOf(OptimisticLockingFailureException.class);
    }
}
