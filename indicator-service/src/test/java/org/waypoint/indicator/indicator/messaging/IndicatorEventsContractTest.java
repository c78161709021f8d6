package org.waypoint.indicator.indicator.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.waypoint.indicator.Http;
import org.waypoint.indicator.IndicatorServiceApplication;
import org.waypoint.indicator.api.IndicatorTopics;
import org.waypoint.testsupport.EventContracts;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKafka;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event type indicator-service publishes goes through the outbox to a real in-process Kafka
 * broker, and what arrives conforms to its JSON Schema and the AsyncAPI document.
 */
class IndicatorEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static InMemoryMongo mongo;
    static TestKeycloak keycloak;
    static TestKafka kafka;
    static ConfigurableApplicationContext app;

    /** The service believes it is 15 February 2022: 2021/22 Q3 closed 46 days ago. */
    @Configuration(proxyBeanMethods = false)
    static class FebruaryClock {
        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2022-02-15T10:00:00Z"), ZoneId.of("Europe/London"));
        }
    }

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        keycloak = TestKeycloak.start();
        kafka = TestKafka.start(IndicatorTopics.INDICATORS);
        List<String> args = new java.util.ArrayList<>(List.of(
                "--spring.config.name=" + IndicatorServiceApplication.CONFIG_NAME, "--server.port=0",
                "--spring.mongodb.uri=" + mongo.uri("indicators-events-test"),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--waypoint.keycloak.url=" + keycloak.url(),
                "--waypoint.scheduling.enabled=false",
                "--waypoint.outbox.poll-interval=100ms",
                "--spring.main.allow-bean-definition-overriding=true"));
        app = new SpringApplicationBuilder(IndicatorServiceApplication.class, FebruaryClock.class)
                .web(WebApplicationType.SERVLET).run(args.toArray(String[]::new));
    }

    @AfterAll
    static void stop() {
        app.close();
        kafka.close();
        keycloak.close();
        mongo.close();
    }

    @Test
    void everyEventTypeIsPublishedAsACloudEventThatConformsToItsContract() {
        String base = Services.url(app) + "/api/indicators";
        String officer = keycloak.token("priya.officer", "priya.shah@waypoint.example", "performance-officer", "staff");
        String definition = """
                {"code":"4.6","name":"Percentage of Case Conferences convened within target timescale",
                 "unit":"percentage","polarity":"higher is better","frequency":"quarterly","targets":{"2021/22":"95%%"},
                 "owner":{"name":"Jamie Wilson","username":"jamie.lead","email":"jamie.wilson@waypoint.example"},
                 "serviceArea":"Children and Justice","theme":"process"%s}""";
        var created = Http.post(base, officer, definition.formatted(""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();
        var recorded = Http.post(base + "/" + id + "/measurements", officer, "{\"period\":\"2021/22 Q2\",\"value\":\"0%\"}",
                created.headers().firstValue("ETag").orElseThrow());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        var changed = Http.put(base + "/" + id, officer, definition.formatted(",\"description\":\"CP case conferences\""),
                recorded.headers().firstValue("ETag").orElseThrow());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        var missing = Http.post(base + "/missing-check", officer, "");
        assertThat(JSON.readTree(missing.body()).path("announcedMissing").asInt()).isEqualTo(1);

        List<ConsumerRecord<String, String>> published = kafka.read(IndicatorTopics.INDICATORS, 5, Duration.ofSeconds(30));

        assertThat(published).extracting(ConsumerRecord::key).containsOnly(id);
        Set<String> types = published.stream().map(r -> JSON.readTree(r.value()).path("type").asString()).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrder(
                "org.waypoint.indicator.IndicatorDefined.v1",
                "org.waypoint.indicator.MeasurementRecorded.v1",
                "org.waypoint.indicator.IndicatorStatusChanged.v1",
                "org.waypoint.indicator.IndicatorChanged.v1",
                "org.waypoint.indicator.MeasurementMissing.v1");
        EventContracts contracts = new EventContracts();
        for (ConsumerRecord<String, String> record : published) {
            contracts.assertConforms("indicator-service", IndicatorTopics.INDICATORS, record.value());
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.path("source").asString()).isEqualTo(IndicatorTopics.SOURCE);
            assertThat(event.path("subject").asString()).isEqualTo(id);
        }
        JsonNode red = published.stream().map(r -> JSON.readTree(r.value()))
                .filter(e -> e.path("type").asString().endsWith("IndicatorStatusChanged.v1")).findFirst().orElseThrow();
        assertThat(red.path("data").path("oldStatus").asString()).isEqualTo("GREY");
        assertThat(red.path("data").path("newStatus").asString()).isEqualTo("RED");
        assertThat(red.path("data").path("owner").path("email").asString()).isEqualTo("jamie.wilson@waypoint.example");
        JsonNode gone = published.stream().map(r -> JSON.readTree(r.value()))
                .filter(e -> e.path("type").asString().endsWith("MeasurementMissing.v1")).findFirst().orElseThrow();
        assertThat(gone.path("data").path("period").asString()).isEqualTo("2021/22 Q3");
        assertThat(Map.of("daysOverdue", gone.path("data").path("daysOverdue").asInt())).containsEntry("daysOverdue", 46);
    }
}
