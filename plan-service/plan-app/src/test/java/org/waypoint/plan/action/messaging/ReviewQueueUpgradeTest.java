package org.waypoint.plan.action.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.waypoint.plan.api.PlanTopics;
import org.waypoint.plan.support.PlanJson;
import org.waypoint.plan.support.PlanServiceWithBroker;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data stored before the review queue existed (ADR 13): the first scan queues every stored action,
 * so an action already due is reviewed, and its transition published once across rescans and a
 * restart; an action due later is queued for its date. Real broker, real MongoDB-compatible server.
 */
class ReviewQueueUpgradeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String QUEUE = "action_review_queue";

    @RegisterExtension
    final PlanServiceWithBroker service = new PlanServiceWithBroker("plans-upgrade-test");

    @Test
    void actionsStoredBeforeTheQueueAreReviewedAndTheirTransitionPublishedOnce() {
        String officer = service.keycloak().token("priya.officer", "priya.shah@waypoint.example", "performance-officer");
        post("/api/plans", officer, PlanJson.plan("ea-sip", "Children and Justice"));
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
        String later = id(post("/api/actions", officer, action(today.plusDays(100).toString())));
        assertThat(review(officer).path("examined").asInt()).as("a new action with nothing to announce is settled when created")
                .isZero();
        String overdue = id(post("/api/actions", officer, action("2021")));
        service.app().getBean(MongoTemplate.class).dropCollection(QUEUE); // as the version before the queue left the data

        JsonNode first = review(officer);
        JsonNode second = review(officer);
        service.restart();
        JsonNode afterRestart = review(officer);

        assertThat(first.path("examined").asInt()).isOne();
        assertThat(first.path("announced").asInt()).isOne();
        assertThat(second.path("examined").asInt()).isZero();
        assertThat(afterRestart.path("examined").asInt()).isZero();
        List<ConsumerRecord<String, String>> records = service.kafka().read(PlanTopics.PLANS, 100, Duration.ofSeconds(5));
        assertThat(records.stream().filter(r -> r.key().equals(overdue))
                .map(r -> JSON.readTree(r.value()).path("type").asString()).toList())
                .containsExactly("org.waypoint.plan.ActionCreated.v1", "org.waypoint.plan.ActionBecameOverdue.v1");
        List<String> queued = service.app().getBean(MongoTemplate.class).findAll(Document.class, QUEUE).stream()
                .filter(b -> b.getString("_id").startsWith(today.plusDays(86) + "#"))
                .flatMap(b -> b.getList("entries", Document.class).stream()).map(e -> e.getString("a")).toList();
        assertThat(queued).as("the later action, queued for the day it becomes due soon").containsExactly(later);
    }

    private JsonNode review(String officer) {
        var response = service.post("/api/actions/overdue-check", officer, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String action(String due) {
        return PlanJson.simpleAction("ea-sip", "Children and Justice", due, null, "jamie.lead");
    }

    private String post(String path, String token, String json) {
        var response = service.post(path, token, json);
        assertThat(response.statusCode()).as(path + " " + response.body()).isIn(200, 201);
        return response.body();
    }

    private static String id(String body) {
        return JSON.readTree(body).path("id").asString();
    }
}
