package org.waypoint.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.testsupport.AuthorizationMatrix.AREA;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER_EMAIL;

import java.net.http.HttpResponse;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.risk.register.persistence.RiskRegisterDocument;
import org.waypoint.risk.risk.persistence.RiskDocument;
import org.waypoint.testsupport.AuthorizationMatrixContract;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of risk-service, called as anonymous, as each role, in and out of the service
 * area, against {@code authorization-matrix.yml}; a new endpoint without an entry fails the build.
 */
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    @Override
    protected ConfigurableApplicationContext startService(InMemoryMongo mongo, TestKeycloak keycloak) {
        return startWithoutBroker(RiskServiceApplication.class, RiskServiceApplication.CONFIG_NAME, "risks-matrix-test",
                mongo, keycloak, Map.of("waypoint.scheduling.enabled", "false"));
    }

    @Override
    protected String serviceName() {
        return "risk-service";
    }

    /** A register in the service area with one risk owned by the owner, and one mitigation. */
    @Override
    protected Map<String, String> fixtures() {
        MongoTemplate mongo = app().getBean(MongoTemplate.class);
        mongo.remove(new Query(), RiskDocument.COLLECTION);
        mongo.remove(new Query(), RiskRegisterDocument.COLLECTION);
        String admin = matrix().token("admin");
        HttpResponse<String> register = Services.post(base() + "/api/risk-registers", admin, """
                {"name":"Matrix register","organisation":"East Ayrshire HSCP","serviceArea":"%s"}""".formatted(AREA));
        assertThat(register.statusCode()).as(register.body()).isEqualTo(201);
        String registerId = json(register).path("id").asString();
        HttpResponse<String> risk = Services.post(base() + "/api/risks", admin, """
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
