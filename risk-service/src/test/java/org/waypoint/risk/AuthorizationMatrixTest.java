package org.waypoint.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.testsupport.AuthorizationMatrix.AREA;
import static org.waypoint.testsupport.AuthorizationMatrix.OTHER_AREA;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER_EMAIL;

import java.net.http.HttpResponse;
import java.util.HashMap;
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

    /**
     * A register in the service area with one risk owned by the owner, and one mitigation; for the
     * cross-area cases also a register of the other area holding a risk the owner owns there, and a
     * risk of the other area kept in the first register.
     */
    @Override
    protected Map<String, String> fixtures() {
        MongoTemplate mongo = app().getBean(MongoTemplate.class);
        mongo.remove(new Query(), RiskDocument.COLLECTION);
        mongo.remove(new Query(), RiskRegisterDocument.COLLECTION);
        String admin = matrix().token("admin");
        HttpResponse<String> register = register(admin, "Matrix register", AREA);
        String registerId = json(register).path("id").asString();
        HttpResponse<String> risk = risk(admin, registerId, "MXRISK01", null, "Olive Owner", OWNER, OWNER_EMAIL);
        JsonNode raised = json(risk);
        HttpResponse<String> other = register(admin, "Matrix register elsewhere", OTHER_AREA);
        String otherId = json(other).path("id").asString();
        HttpResponse<String> elsewhere = risk(admin, otherId, "MXRISK11", null, "Olive Owner", OWNER, OWNER_EMAIL);
        HttpResponse<String> mixed = risk(admin, registerId, "MXRISK21", OTHER_AREA, "Oscar Other", "oscar.other",
                "oscar.other@waypoint.example");
        Map<String, String> vars = new HashMap<>();
        vars.putAll(Map.of("register", registerId, "registerEtag", etag(register),
                "risk", raised.path("id").asString(), "riskEtag", etag(risk),
                "mitigation", raised.path("mitigations").get(0).path("id").asString()));
        vars.putAll(Map.of("otherRegister", otherId, "otherRegisterEtag", etag(other),
                "elsewhereRisk", json(elsewhere).path("id").asString(), "elsewhereRiskEtag", etag(elsewhere),
                "mixedRisk", json(mixed).path("id").asString(), "mixedRiskEtag", etag(mixed)));
        return vars;
    }

    private HttpResponse<String> register(String token, String name, String area) {
        HttpResponse<String> register = Services.post(base() + "/api/risk-registers", token, """
                {"name":"%s","organisation":"East Ayrshire HSCP","serviceArea":"%s"}""".formatted(name, area));
        assertThat(register.statusCode()).as(register.body()).isEqualTo(201);
        return register;
    }

    private HttpResponse<String> risk(String token, String registerId, String code, String serviceArea, String ownerName,
                                      String owner, String ownerEmail) {
        HttpResponse<String> risk = Services.post(base() + "/api/risks", token, """
                {"registerId":"%s","code":"%s","title":"Failure to protect children and young people",%s
                 "category":"Public protection","owner":{"name":"%s","username":"%s","email":"%s"},
                 "current":{"likelihood":3,"impact":5},"target":{"likelihood":2,"impact":4},"reviewFrequency":"MONTHLY",
                 "mitigations":[{"text":"Multi-agency oversight model","status":"IN_PLACE"}]}"""
                .formatted(registerId, code, serviceArea == null ? "" : "\"serviceArea\":\"" + serviceArea + "\",",
                        ownerName, owner, ownerEmail));
        assertThat(risk.statusCode()).as(risk.body()).isEqualTo(201);
        return risk;
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.builder().build().readTree(response.body());
    }
}
