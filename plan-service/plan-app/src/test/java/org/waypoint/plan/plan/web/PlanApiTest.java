package org.waypoint.plan.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.plan.support.PlanServiceRunning.ADULTS;
import static org.waypoint.plan.support.PlanServiceRunning.CHILDREN;
import static org.waypoint.plan.support.PlanServiceRunning.assertInvalidField;
import static org.waypoint.plan.support.PlanServiceRunning.assertProblem;
import static org.waypoint.plan.support.PlanServiceRunning.json;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.waypoint.plan.plan.persistence.PlanDocument;
import org.waypoint.plan.support.PlanJson;
import org.waypoint.plan.support.PlanServiceRunning;

import tools.jackson.databind.JsonNode;

/** The plans API over real HTTP. */
class PlanApiTest {

    static PlanServiceRunning service;

    @BeforeAll
    static void start() {
        service = new PlanServiceRunning();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void noPlans() {
        service.empty(PlanDocument.COLLECTION);
    }

    @Test
    void aPerformanceOfficerCreatesAPlanReadByItsPeriod() {
        HttpResponse<String> created = service.post("/api/plans", service.priya, PlanJson.plan("ea-sip", CHILDREN));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/plans/ea-sip");

        JsonNode plan = json(service.get("/api/plans/ea-sip", service.alex));
        assertThat(plan.path("period").asString()).isEqualTo("2021/22-2023/24");
        assertThat(plan.path("starts").asString()).isEqualTo("2021-04-01");
        assertThat(plan.path("ends").asString()).isEqualTo("2024-03-31");
        assertThat(plan.path("priorities").findValuesAsString("id")).containsExactly("SWLW", "CFW", "SP");
        assertThat(plan.path("outcomes").get(0).path("code").asString()).isEqualTo("NO5");
    }

    @Test
    void badPlansGetAProblemNamingTheFieldAndStoreNothing() {
        assertInvalidField(service.post("/api/plans", service.priya, PlanJson.plan("ea-sip", CHILDREN)
                .replace("2021/22-2023/24", "next few years")), "period");
        assertInvalidField(service.post("/api/plans", service.priya, PlanJson.plan("ea-sip", CHILDREN)
                .replace("\"id\":\"CFW\"", "\"id\":\"SWLW\"")), "priorities.id");
        assertInvalidField(service.post("/api/plans", service.priya, PlanJson.plan("EA SIP!", CHILDREN)), "id");
        assertInvalidField(service.post("/api/plans", service.priya, PlanJson.plan("ea-sip", CHILDREN)
                .replace("\"status\":\"ACTIVE\"", "\"status\":\"DONE-ISH\"")), "status");
        assertThat(service.count(PlanDocument.COLLECTION)).isZero();
    }

    @Test
    void controlCharactersInOneLineFieldsAndNullsInListsAre400NamingTheField() {
        String plan = PlanJson.plan("ea-sip", CHILDREN);
        assertInvalidField(service.post("/api/plans", service.priya, plan.replace(
                "\"title\":\"Children's Health", "\"title\":\"Plan\\r\\nBcc: x@example.org\\r\\nChildren's Health")), "title");
        assertInvalidField(service.post("/api/plans", service.priya, plan.replace(
                "\"organisation\":\"East Ayrshire", "\"organisation\":\"East\\tAyrshire")), "organisation");
        assertInvalidField(service.post("/api/plans", service.priya, plan.replace(
                "\"serviceArea\":\"Children", "\"serviceArea\":\"\\u0007Children")), "serviceArea");
        assertInvalidField(service.post("/api/plans", service.priya, plan.replace(
                "\"owner\":\"sarah.manager\"", "\"owner\":\"sarah\\n.manager\"")), "owner");
        assertInvalidField(service.post("/api/plans", service.priya, plan.replace(
                "\"title\":\"Caring for our Workforce\"", "\"title\":\"Caring\\nfor our Workforce\"")), "priorities[1].title");
        assertInvalidField(service.post("/api/plans", service.priya, plan.replace(
                "\"title\":\"Health and social", "\"title\":\"\\u001bHealth and social")), "outcomes[0].title");
        assertInvalidField(service.post("/api/plans", service.priya, plan.replace(
                "{\"id\":\"CFW\",\"title\":\"Caring for our Workforce\"}", "null")), "priorities[1]");
        assertInvalidField(service.post("/api/plans", service.priya, plan.replace(
                "\"outcomes\":[{", "\"outcomes\":[null,{")), "outcomes[0]");
        assertThat(service.count(PlanDocument.COLLECTION)).isZero();

        service.createPlan("ea-sip", CHILDREN);
        assertInvalidField(service.send("PUT", "/api/plans/ea-sip", service.priya, "\"0\"", plan.replace(
                "\"title\":\"Children's Health", "\"title\":\"\\r\\nChildren's Health")), "title");
        assertThat(json(service.get("/api/plans/ea-sip", service.alex)).path("version").asLong()).isZero();
    }

    @Test
    void aPlanIsMovedToAnotherAreaOnlyByWhoMayWriteThere() {
        service.createPlan("ea-sip", CHILDREN);
        String moved = PlanJson.plan("ea-sip", ADULTS);

        assertProblem(service.send("PUT", "/api/plans/ea-sip", service.sarah, "\"0\"", moved), 403);
        assertProblem(service.send("PUT", "/api/plans/ea-sip", service.david, "\"0\"", moved), 403);
        assertThat(json(service.get("/api/plans/ea-sip", service.alex)).path("serviceArea").asString()).isEqualTo(CHILDREN);
        assertThat(service.send("PUT", "/api/plans/ea-sip", service.priya, "\"0\"", moved).statusCode()).isEqualTo(200);
    }

    @Test
    void aPlanIdCanBeTakenOnce() {
        service.createPlan("ea-sip", CHILDREN);
        assertProblem(service.post("/api/plans", service.priya, PlanJson.plan("ea-sip", CHILDREN)), 409);
        assertThat(service.count(PlanDocument.COLLECTION)).isOne();
    }

    @Test
    void onlyOfficersAndManagersInTheAreaCreatePlans() {
        assertProblem(service.post("/api/plans", null, PlanJson.plan("a-plan", CHILDREN)), 401);
        assertProblem(service.post("/api/plans", service.jamie, PlanJson.plan("a-plan", CHILDREN)), 403);
        assertProblem(service.post("/api/plans", service.david, PlanJson.plan("a-plan", CHILDREN)), 403);
        assertProblem(service.post("/api/plans", service.alex, PlanJson.plan("a-plan", CHILDREN)), 403);
        assertThat(service.count(PlanDocument.COLLECTION)).isZero();
        assertThat(service.post("/api/plans", service.david, PlanJson.plan("a-plan", ADULTS)).statusCode()).isEqualTo(201);
    }

    @Test
    void updatesNeedTheCurrentETagAndAreInTheHistory() {
        service.createPlan("ea-sip", CHILDREN);
        String closed = PlanJson.plan("ea-sip", CHILDREN).replace("\"status\":\"ACTIVE\"", "\"status\":\"CLOSED\"");

        assertProblem(service.send("PUT", "/api/plans/ea-sip", service.sarah, null, closed), 428);
        HttpResponse<String> updated = service.send("PUT", "/api/plans/ea-sip", service.sarah, "\"0\"", closed);
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.headers().firstValue("ETag")).contains("\"1\"");
        assertProblem(service.send("PUT", "/api/plans/ea-sip", service.priya, "\"0\"", closed), 412);
        assertProblem(service.send("PUT", "/api/plans/nope", service.priya, "\"0\"", closed.replace("ea-sip", "nope")), 404);

        JsonNode history = json(service.get("/api/plans/ea-sip/history", service.alex));
        assertThat(history.findValuesAsString("what")).containsExactly("created", "updated");
        assertThat(history.get(1).path("changes").get(0).path("field").asString()).isEqualTo("status");
        assertThat(history.get(1).path("changes").get(0).path("to").asString()).isEqualTo("CLOSED");
    }

    @Test
    void listsFilterAndPage() {
        service.createPlan("ea-sip", CHILDREN);
        service.post("/api/plans", service.priya, PlanJson.plan("dg-business-plan", ADULTS).replace("\"status\":\"ACTIVE\"", "\"status\":\"DRAFT\""));

        assertThat(json(service.get("/api/plans?status=DRAFT", service.jamie)).path("total").asInt()).isOne();
        JsonNode page = json(service.get("/api/plans?size=1", service.jamie));
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("totalPages").asInt()).isEqualTo(2);
        assertInvalidField(service.get("/api/plans?size=500", service.jamie), "size");
        assertProblem(service.get("/api/plans/nope", service.jamie), 404);
        assertProblem(service.get("/api/plans/nope/history", service.jamie), 404);
    }
}
