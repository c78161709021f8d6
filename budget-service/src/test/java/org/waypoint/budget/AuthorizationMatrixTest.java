package org.waypoint.budget;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.waypoint.budget.line.persistence.BudgetLineDocument;
import org.waypoint.testsupport.AuthorizationMatrix;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of budget-service, called as anonymous, as each role, in and out of the service
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
        app = Services.start(BudgetServiceApplication.class, BudgetServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, Map.of(
                "spring.mongodb.uri", mongo.uri("budgets-matrix-test"),
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "spring.kafka.admin.auto-create", "false",
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.outbox.relay.enabled", "false"));
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
        matrix.assertAsExpected(matrix.run(base, AuthorizationMatrixTest::fixtures), "budget-service");
    }

    @Test
    void theApiDescriptionIsOpenWithoutAToken() {
        AuthorizationMatrix.assertOpenToAnonymous(base, "/v3/api-docs");
    }

    /** One 2021/22 line of a Children and Justice division, held by the owner. */
    static Map<String, String> fixtures() {
        app.getBean(MongoTemplate.class).remove(new Query(), BudgetLineDocument.COLLECTION);
        HttpResponse<String> line = Services.post(base + "/api/budgets/lines", matrix.token("admin"), """
                {"financialYear":"2021/22","organisation":"East Ayrshire Health and Social Care Partnership",
                 "division":"Justice Services","fundingSource":"EAC Delegated","type":"REVENUE","amount":1933000,
                 "holder":{"name":"Olive Owner","username":"%s","email":"%s"}}""".formatted(OWNER, OWNER_EMAIL));
        assertThat(line.statusCode()).as(line.body()).isEqualTo(201);
        return Map.of("line", JsonMapper.builder().build().readTree(line.body()).path("id").asString(),
                "lineEtag", line.headers().firstValue("ETag").orElseThrow());
    }
}
