package org.waypoint.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.testsupport.AuthorizationMatrix.AREA;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER_EMAIL;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.risk.register.persistence.RiskRegisterDocument;
import org.waypoint.risk.risk.persistence.RiskDocument;
import org.waypoint.testsupport.AuthorizationMatrix;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of risk-service, called as anonymous, as each role, in and out of the service
 * area, against {@code authorization-matrix.yml}; a new endpoint without an entry fails the build.
 */
class AuthorizationMatrixTest {

    static InMemoryMongo mongo;
    static TestKeycloak keycloak;
    static ConfigurableApplicationContext app;
    static String base;
    static AuthorizationMatrix matrix;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        keycloak = TestKeycloak.start();
        app = Services.start(RiskServiceApplication.class, RiskServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, Map.of(
                "spring.mongodb.uri", mongo.uri("risks-matrix-test"),
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "spring.kafka.admin.auto-create", "false",
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.outbox.relay.enabled", "false",
                "waypoint.scheduling.enabled", "false"));
        base = Services.url(app);
        matrix = AuthorizationMatrix.load("/authorization-matrix.yml", keycloak);
    }

    @AfterAll
    static void stop() {
        app.close();
        keycloak.close();
        mongo.close();
    }

    @Test
    void everyEndpointHasAnEntryInTheMatrixAndEveryEntryAnEndpoint() {
        matrix.assertCovers(app);
    }

    @Test
    void everyCallerGetsWhatTheMatrixSays() {
        matrix.assertAsExpected(matrix.run(base, AuthorizationMatrixTest::fixtures), "risk-service");
    }

    @Test
    void theApiDescriptionIsOpenWithoutAToken() {
        AuthorizationMatrix.assertOpenToAnonymous(base, "/v3/api-docs");
    }

    /** A register in the service area with one risk owned by the owner, and one mitigation. */
    static Map<String, String> fixtures() {
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        mongo.remove(new Query(), RiskDocument.COLLECTION);
        mongo.remove(new Query(), RiskRegisterDocument.COLLECTION);
        String admin = matrix.token("admin");
        HttpResponse<String> register = Services.post(base + "/api/risk-registers", admin, """
                {"name":"Matrix register","organisation":"East Ayrshire HSCP","serviceArea":"%s"}""".formatted(AREA));
        assertThat(register.statusCode()).as(register.body()).isEqualTo(201);
        String registerId = json(register).path("id").asString();
        HttpResponse<String> risk = Services.post(base + "/api/risks", admin, """
                {"registerId":"%s","code":"MXRISK01","title":"Failure to protect children and young people",
                 "category":"Public protection","owner":{"name":"Olive Owner","username":"%s","email":"%s"},
                 "current":{"likelihood":3,"impact":5},"target":{"likelihood":2,"impact":4},"reviewFrequency":"MONTHLY",
                 "mitigations":[{"text":"Multi-agency oversight model","status":"IN_PLACE"}]}"""
                .formatted(registerId, OWNER, OWNER_EMAIL));
        assertThat(risk.statusCode()).as(risk.body()).isEqualTo(201);
        JsonNode raised = json(risk);
        return Map.of("register", registerId, "registerEtag", register.headers().firstValue("ETag").orElseThrow(),
                "risk", raised.path("id").asString(), "riskEtag", risk.headers().firstValue("ETag").orElseThrow(),
                "mitigation", raised.path("mitigations").get(0).path("id").asString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.builder().build().readTree(response.body());
    }
}
