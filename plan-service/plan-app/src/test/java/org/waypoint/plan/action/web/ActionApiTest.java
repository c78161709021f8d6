package org.waypoint.plan.action.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.waypoint.plan.PlanServiceApplication;
import org.waypoint.plan.action.persistence.ActionDocument;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The actions API over real HTTP, with signed tokens and the MongoDB-compatible server. */
class ActionApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String VALID = """
            {"reference":"SP-1","title":"Review the Covid Multi-Agency Public Protection Operational Oversight arrangements",
             "serviceArea":"Justice Services","due":"2021-24",
             "leads":[{"name":"Jamie Wilson","username":"jamie.lead","email":"jamie.wilson@waypoint.example"}]}""";

    static InMemoryMongo mongo;
    static TestKeycloak keycloak;
    static ConfigurableApplicationContext app;
    static String actions;
    static String staff;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        keycloak = TestKeycloak.start();
        app = Services.start(PlanServiceApplication.class, PlanServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, Map.of(
                "spring.mongodb.uri", mongo.uri("plans-api-test"),
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.outbox.relay.enabled", "false",
                "waypoint.scheduling.enabled", "false",
                "spring.kafka.admin.auto-create", "false"));
        actions = Services.url(app) + "/api/actions";
        staff = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", "staff");
    }

    @AfterAll
    static void stop() {
        app.close();
        keycloak.close();
        mongo.close();
    }

    @BeforeEach
    void empty() {
        mongo().remove(new org.springframework.data.mongodb.core.query.Query(), ActionDocument.COLLECTION);
    }

    @Test
    void staffCreateAnActionAndReadItBackWithItsDueDateAsWritten() {
        HttpResponse<String> created = Services.post(actions, staff, VALID);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("due").path("date").asString()).isEqualTo("2024-03-31");
        assertThat(body.path("due").path("asWritten").asString()).isEqualTo("2021-24");
        assertThat(body.path("createdBy").asString()).isEqualTo("jamie.lead");

        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> read = Services.get(Services.url(app) + location, staff);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).path("title").asString()).startsWith("Review the Covid");
    }

    @Test
    void aNewActionIsSavedWithItsCreatedEventInTheSameDocument() {
        Services.post(actions, staff, VALID);

        var stored = mongo().findAll(org.bson.Document.class, ActionDocument.COLLECTION);
        assertThat(stored).singleElement().satisfies(doc ->
                assertThat(doc.getList("outbox", org.bson.Document.class))
                        .singleElement()
                        .satisfies(m -> assertThat(m.getString("type")).isEqualTo("org.waypoint.plan.ActionCreated.v1")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing title       | {\"due\":\"2022\",\"leads\":[{\"name\":\"Senior Manager\"}]}                                  | title",
            "no leads            | {\"title\":\"T\",\"due\":\"2022\",\"leads\":[]}                                                 | leads",
            "wrong type          | {\"title\":\"T\",\"due\":\"2022\",\"leads\":[{\"name\":\"SM\"}],\"progressPercent\":\"lots\"}    | progressPercent",
            "unknown field       | {\"title\":\"T\",\"due\":\"2022\",\"leads\":[{\"name\":\"SM\"}],\"owner\":\"me\"}               | owner",
            "progress over 100   | {\"title\":\"T\",\"due\":\"2022\",\"leads\":[{\"name\":\"SM\"}],\"progressPercent\":101}        | progressPercent",
            "bad email           | {\"title\":\"T\",\"due\":\"2022\",\"leads\":[{\"name\":\"SM\",\"email\":\"nope\"}]}            | leads[0].email",
            "unreadable due      | {\"title\":\"T\",\"due\":\"soon\",\"leads\":[{\"name\":\"SM\"}]}                                | due",
            "start after due     | {\"title\":\"T\",\"due\":\"2022\",\"startDate\":\"2024-01-01\",\"leads\":[{\"name\":\"SM\"}]}   | startDate"})
    void badInputGetsAProblemNamingTheFieldAndStoresNothing(String why, String json, String field) {
        HttpResponse<String> response = Services.post(actions, staff, json);

        assertThat(response.statusCode()).as(why).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.path("errors").findValuesAsString("field")).as(why).contains(field);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(mongo().count(new org.springframework.data.mongodb.core.query.Query(), ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void anOversizedTitleIsRefused() {
        String json = VALID.replace("\"title\":\"Review", "\"title\":\"" + "x".repeat(400) + "Review");
        HttpResponse<String> response = Services.post(actions, staff, json);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"title\"");
        assertThat(mongo().count(new org.springframework.data.mongodb.core.query.Query(), ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void malformedJsonGetsAProblemWithoutInternals() {
        HttpResponse<String> response = Services.post(actions, staff, "{\"title\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"status\":400").doesNotContain("tools.jackson").doesNotContain("Exception");
    }

    @Test
    void withoutATokenTheAnswerIs401ProblemJson() {
        HttpResponse<String> response = Services.post(actions, null, VALID);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(mongo().count(new org.springframework.data.mongodb.core.query.Query(), ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void expiredOrForeignTokensAreRefused() {
        assertThat(Services.post(actions, keycloak.expiredToken("jamie.lead", "staff"), VALID).statusCode()).isEqualTo(401);
        assertThat(Services.post(actions, keycloak.tokenFromOtherIssuer("jamie.lead", "staff"), VALID).statusCode()).isEqualTo(401);
    }

    @Test
    void anAuditorMayReadButNotCreate() {
        String viewer = keycloak.token("alex.auditor", "alex.reid@waypoint.example", "auditor");
        HttpResponse<String> response = Services.post(actions, viewer, VALID);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(mongo().count(new org.springframework.data.mongodb.core.query.Query(), ActionDocument.COLLECTION)).isZero();
        assertThat(Services.get(actions, viewer).statusCode()).isEqualTo(200);
    }

    @Test
    void listsFilterByDerivedStatusAndPage() {
        Services.post(actions, staff, VALID.replace("2021-24", "2021"));
        Services.post(actions, staff, VALID.replace("2021-24", "2099"));
        Services.post(actions, staff, VALID.replace("2021-24", "2020"));

        JsonNode overdue = JSON.readTree(Services.get(actions + "?status=OVERDUE&size=1&sort=due,desc", staff).body());
        assertThat(overdue.path("total").asInt()).isEqualTo(2);
        assertThat(overdue.path("totalPages").asInt()).isEqualTo(2);
        assertThat(overdue.path("items")).hasSize(1);
        assertThat(overdue.path("items").get(0).path("due").path("asWritten").asString()).isEqualTo("2021");

        assertThat(Services.get(actions + "?status=SOMETIMES", staff).statusCode()).isEqualTo(400);
        assertThat(Services.get(actions + "?size=0", staff).body()).contains("\"field\":\"size\"");
    }

    @Test
    void anUnknownActionIs404ProblemJson() {
        HttpResponse<String> response = Services.get(actions + "/no-such-action", staff);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
    }

    @Test
    void healthIsOpenAndReportsReadiness() {
        HttpResponse<String> readiness = Services.get(Services.url(app) + "/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("UP");
        assertThat(Services.get(Services.url(app) + "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aStaleWriteIsRefusedAndTheFirstWriteIsKept() {
        var actions = app.getBean(org.waypoint.plan.action.domain.Actions.class);
        var action = org.waypoint.plan.action.domain.ActionFixture.anAction().build();
        actions.insert(action, java.util.List.of());
        var announced = action.detectOverdue(java.time.LocalDate.of(2022, 4, 1)).orElseThrow();
        actions.update(announced.action(), announced.events());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> actions.update(announced.action(), announced.events()))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        var stored = mongo().findById(action.id().value(), org.bson.Document.class, ActionDocument.COLLECTION);
        assertThat(stored.getLong("version")).isEqualTo(1L);
        assertThat(stored.getList("outbox", org.bson.Document.class)).hasSize(1);
    }

    private static MongoTemplate mongo() {
        return app.getBean(MongoTemplate.class);
    }
}
