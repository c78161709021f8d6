package org.waypoint.plan.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.waypoint.plan.api.PlanTopics;
import org.waypoint.plan.support.PlanJson;
import org.waypoint.plan.support.PlanServiceWithBroker;
import org.waypoint.testsupport.EventContracts;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every plan-service event type, published for real through the outbox to a real broker, matches
 * its JSON Schema and AsyncAPI declaration; each transition is published once across repeated
 * scans and a restart of the service.
 */
class PlanEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    final PlanServiceWithBroker service = new PlanServiceWithBroker("plans-contract-test");

    @Test
    void everyTransitionIsPublishedOnceAcrossRescansAndARestartAndMatchesItsContract() {
        String officer = service.keycloak().token("priya.officer", "priya.shah@waypoint.example", "performance-officer");
        String plan = PlanJson.plan("ea-sip", "Children and Justice");
        post("/api/plans", officer, plan);
        put("/api/plans/ea-sip", officer, "\"0\"", plan.replace("\"status\":\"ACTIVE\"", "\"status\":\"DRAFT\""));

        LocalDate today = LocalDate.now();
        String overdue = id(post("/api/actions", officer, action("2021", null)));
        String dueSoon = id(post("/api/actions", officer, action(today.plusDays(7).toString(), null)));
        String atRisk = id(post("/api/actions", officer, action(today.plusDays(60).toString(), today.minusDays(300).toString())));
        String done = id(post("/api/actions", officer, action(today.plusDays(200).toString(), null)));
        postIfMatch("/api/actions/" + done + "/progress", officer, "\"0\"", "{\"progressPercent\":100,\"text\":\"Delivered early\"}");
        put("/api/actions/" + overdue, officer, "\"0\"", action("2021", null).replace("MAPPA", "MAPPA (2021 standards)"));

        review(officer);
        review(officer);
        service.restart();
        review(officer);

        await().atMost(Duration.ofSeconds(30)).until(() -> service.kafka().read(PlanTopics.PLANS, 12, Duration.ofSeconds(2)).size() >= 12);
        List<ConsumerRecord<String, String>> records = service.kafka().read(PlanTopics.PLANS, 100, Duration.ofSeconds(3));

        EventContracts contracts = new EventContracts();
        records.forEach(r -> contracts.assertConforms("plan-service", PlanTopics.PLANS, r.value()));
        Map<String, Long> perType = records.stream().collect(Collectors.groupingBy(
                r -> JSON.readTree(r.value()).path("type").asString().replace("org.waypoint.plan.", "").replace(".v1", ""),
                Collectors.counting()));
        assertThat(perType).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PlanCreated", 1L, "PlanUpdated", 1L, "ActionCreated", 4L, "ActionUpdated", 1L,
                "ProgressRecorded", 1L, "ActionCompleted", 1L,
                "ActionBecameOverdue", 1L, "ActionDueSoon", 1L, "ActionBecameAtRisk", 1L));
        Map<String, String> keyByType = records.stream().collect(Collectors.toMap(
                r -> JSON.readTree(r.value()).path("type").asString(), ConsumerRecord::key, (a, b) -> a));
        assertThat(keyByType).containsEntry("org.waypoint.plan.ActionBecameOverdue.v1", overdue)
                .containsEntry("org.waypoint.plan.ActionDueSoon.v1", dueSoon)
                .containsEntry("org.waypoint.plan.ActionBecameAtRisk.v1", atRisk)
                .containsEntry("org.waypoint.plan.ActionCompleted.v1", done);
    }

    private void review(String officer) {
        var response = service.post("/api/actions/overdue-check", officer, "");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String action(String due, String start) {
        return PlanJson.simpleAction("ea-sip", "Children and Justice", due, start, "jamie.lead");
    }

    private String post(String path, String token, String json) {
        var response = service.post(path, token, json);
        assertThat(response.statusCode()).as(path + " " + response.body()).isIn(200, 201);
        return response.body();
    }

    private void postIfMatch(String path, String token, String etag, String json) {
        var response = service.send("POST", path, token, etag, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private void put(String path, String token, String etag, String json) {
        var response = service.send("PUT", path, token, etag, json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String id(String body) {
        return JSON.readTree(body).path("id").asString();
    }
}
