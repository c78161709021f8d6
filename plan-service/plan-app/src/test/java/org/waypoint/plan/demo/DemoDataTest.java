package org.waypoint.plan.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.waypoint.plan.PlanServiceApplication;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.json.JsonMapper;

class DemoDataTest {

    @Test
    void theLocalProfileLoadsTheSeedPlansOnceIntoAnEmptyDatabase() {
        try (InMemoryMongo mongo = InMemoryMongo.start(); TestKeycloak keycloak = TestKeycloak.start()) {
            Map<String, String> props = Map.of(
                    "spring.mongodb.uri", mongo.uri("plans-demo"),
                    "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                    "spring.kafka.admin.auto-create", "false",
                    "waypoint.keycloak.url", keycloak.url(),
                    "waypoint.outbox.relay.enabled", "false",
                    "waypoint.scheduling.enabled", "false",
                    "spring.profiles.active", "local");
            String auditor = keycloak.token("alex.auditor", "alex.reid@waypoint.example", "auditor");
            JsonMapper json = JsonMapper.builder().build();
            try (var app = Services.start(PlanServiceApplication.class, PlanServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, props)) {
                var plans = json.readTree(Services.get(Services.url(app) + "/api/plans", auditor).body());
                assertThat(plans.path("items").valueStream().map(p -> p.path("id").asString()).toList())
                        .containsExactlyInAnyOrder("ea-chcj-sip-2021-24", "sl-sw-resource-plan-2021-22", "dg-sw-business-plan-2019-23");
                var ea = json.readTree(Services.get(Services.url(app) + "/api/actions?planId=ea-chcj-sip-2021-24&size=100", auditor).body());
                assertThat(ea.path("total").asInt()).isEqualTo(11);
                var sl = json.readTree(Services.get(Services.url(app) + "/api/actions?planId=sl-sw-resource-plan-2021-22&sort=reference,asc&size=100", auditor).body());
                assertThat(sl.path("total").asInt()).as("South Lanarkshire's 2021-22 actions (seed 003; its action 7 is cut off in the source)").isEqualTo(15);
                var mappa = json.readTree(Services.get(Services.url(app) + "/api/actions?q=high%20risk%20offenders&planId=sl-sw-resource-plan-2021-22", auditor).body());
                assertThat(mappa.path("items").get(0).path("status").asString()).as("100% done by its date").isEqualTo("COMPLETE");
                var mash = json.readTree(Services.get(Services.url(app) + "/api/actions?q=MASH", auditor).body());
                assertThat(mash.path("items").get(0).path("status").asString()).isEqualTo("COMPLETE");
            }
            try (var again = Services.start(PlanServiceApplication.class, PlanServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, props)) {
                var all = json.readTree(Services.get(Services.url(again) + "/api/actions?size=200", auditor).body());
                assertThat(all.path("total").asInt()).as("loaded once, not again on restart").isEqualTo(30);
            }
        }
    }
}
