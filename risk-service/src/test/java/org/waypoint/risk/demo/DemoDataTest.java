package org.waypoint.risk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.risk.RiskServiceApplication;
import org.waypoint.risk.risk.persistence.RiskDocument;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The local profile loads the seeds' registers once, scored as published. */
class DemoDataTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theLocalProfileLoadsCHCJRISK01To07AndTheFourDumfriesAndGallowayRisksOnce() {
        try (InMemoryMongo mongo = InMemoryMongo.start(); TestKeycloak keycloak = TestKeycloak.start()) {
            Map<String, String> props = Map.of(
                    "spring.profiles.active", "local",
                    "spring.mongodb.uri", mongo.uri("risks-demo-test"),
                    "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                    "waypoint.keycloak.url", keycloak.url(),
                    "waypoint.outbox.relay.enabled", "false",
                    "waypoint.scheduling.enabled", "false",
                    "spring.kafka.admin.auto-create", "false");
            try (ConfigurableApplicationContext app = Services.start(RiskServiceApplication.class, RiskServiceApplication.CONFIG_NAME,
                    WebApplicationType.SERVLET, props)) {
                String auditor = keycloak.token("alex.auditor", "alex.reid@waypoint.example", "auditor");
                JsonNode page = JSON.readTree(Services.get(Services.url(app) + "/api/risks?size=50&sort=code", auditor).body());
                assertThat(page.path("total").asInt()).isEqualTo(11);
                List<String> codes = page.path("items").findValuesAsString("code");
                assertThat(codes).contains("CHCJRISK01", "CHCJRISK07", "DGSWS-R1", "DGSWS-R4");
                assertThat(scoreOf(page, "CHCJRISK01")).isEqualTo(15);
                assertThat(scoreOf(page, "CHCJRISK02")).isEqualTo(20);
                assertThat(scoreOf(page, "CHCJRISK03")).isEqualTo(12);
                assertThat(scoreOf(page, "CHCJRISK05")).isEqualTo(8);
                assertThat(scoreOf(page, "CHCJRISK06")).isEqualTo(4);
                JsonNode registers = JSON.readTree(Services.get(Services.url(app) + "/api/risk-registers", auditor).body());
                assertThat(registers.path("total").asInt()).isEqualTo(2);
                assertThat(registers.path("items")).hasSize(2);
                JsonNode map = JSON.readTree(Services.get(Services.url(app) + "/api/risks/heat-map?serviceArea=Adult%20and%20Older%20People&assessment=TARGET", auditor).body());
                assertThat(map.path("total").asInt()).isEqualTo(4);
                assertThat(map.path("withoutAssessment").asInt()).isZero();
                assertThat(app.getBean(MongoTemplate.class).count(new Query(Criteria.where("outbox.0").exists(true)),
                        RiskDocument.COLLECTION)).as("demo data announces nothing").isZero();
            }
            try (ConfigurableApplicationContext again = Services.start(RiskServiceApplication.class, RiskServiceApplication.CONFIG_NAME,
                    WebApplicationType.SERVLET, props)) {
                assertThat(again.getBean(MongoTemplate.class).count(new Query(), RiskDocument.COLLECTION)).as("idempotent").isEqualTo(11);
            }
        }
    }

    private static int scoreOf(JsonNode page, String code) {
        for (JsonNode item : page.path("items")) {
            if (item.path("code").asString().equals(code)) {
                return item.path("current").path("score").asInt();
            }
        }
        throw new AssertionError(code + " missing");
    }
}
