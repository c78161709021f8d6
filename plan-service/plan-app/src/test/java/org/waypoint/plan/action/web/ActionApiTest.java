package org.waypoint.plan.action.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.plan.support.PlanServiceRunning.ADULTS;
import static org.waypoint.plan.support.PlanServiceRunning.CHILDREN;
import static org.waypoint.plan.support.PlanServiceRunning.assertInvalidField;
import static org.waypoint.plan.support.PlanServiceRunning.assertProblem;
import static org.waypoint.plan.support.PlanServiceRunning.json;

import java.net.http.HttpResponse;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waypoint.plan.action.persistence.ActionDocument;
import org.waypoint.plan.plan.persistence.PlanDocument;
import org.waypoint.plan.support.PlanJson;
import org.waypoint.plan.support.PlanServiceRunning;

import tools.jackson.databind.JsonNode;

/** The actions API over real HTTP, with signed tokens and the MongoDB-compatible server. */
class ActionApiTest {

    static PlanServiceRunning service;
    static final String PLAN = "ea-chcj-sip-2021-24";

    @BeforeAll
    static void start() {
        service = new PlanServiceRunning();
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void aPlanWithNoActions() {
        service.empty(ActionDocument.COLLECTION, PlanDocument.COLLECTION);
        service.createPlan(PLAN, CHILDREN);
    }

    private String validAction(String due) {
        return PlanJson.action(PLAN, CHILDREN, due, "jamie.lead");
    }

    private JsonNode create(String token, String json) {
        HttpResponse<String> created = service.post("/api/actions", token, json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    // ------------------------------------------------------------------ create and read

    @Test
    void aLeadCreatesAnActionAndReadsItBackWithItsDueDateAsWritten() {
        HttpResponse<String> created = service.post("/api/actions", service.jamie, validAction("2021-24"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        JsonNode body = json(created);
        assertThat(body.path("due").path("date").asString()).isEqualTo("2024-03-31");
        assertThat(body.path("due").path("asWritten").asString()).isEqualTo("2021-24");
        assertThat(body.path("steps").get(1).path("due").path("date").asString()).isEqualTo("2023-03-31");
        assertThat(body.path("createdBy").asString()).isEqualTo("jamie.lead");

        HttpResponse<String> read = service.get(created.headers().firstValue("Location").orElseThrow(), service.alex);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(json(read).path("title").asString()).startsWith("Support the implementation");
    }

    @Test
    void aNewActionIsSavedWithItsCreatedEventAndHistoryInTheSameDocument() {
        create(service.jamie, validAction("2022"));

        var stored = service.mongo().findAll(Document.class, ActionDocument.COLLECTION);
        assertThat(stored).singleElement().satisfies(doc -> {
            assertThat(doc.getList("outbox", Document.class)).extracting(m -> m.getString("type"))
                    .containsExactly("org.waypoint.plan.ActionCreated.v1");
            assertThat(doc.getList("history", Document.class)).extracting(h -> h.getString("what")).containsExactly("created");
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing title       | {\"planId\":\"ea-chcj-sip-2021-24\",\"due\":\"2022\",\"leads\":[{\"name\":\"Senior Manager\"}]}                                  | title",
            "missing plan        | {\"title\":\"T\",\"due\":\"2022\",\"leads\":[{\"name\":\"Senior Manager\"}]}                                                    | planId",
            "unknown plan        | {\"planId\":\"no-such-plan\",\"title\":\"T\",\"due\":\"2022\",\"leads\":[{\"name\":\"SM\"}]}                                      | planId",
            "unknown priority    | {\"planId\":\"ea-chcj-sip-2021-24\",\"priorityId\":\"X9\",\"title\":\"T\",\"due\":\"2022\",\"leads\":[{\"name\":\"SM\"}]}           | priorityId",
            "no leads            | {\"planId\":\"ea-chcj-sip-2021-24\",\"title\":\"T\",\"due\":\"2022\",\"leads\":[]}                                                 | leads",
            "wrong type          | {\"planId\":\"ea-chcj-sip-2021-24\",\"title\":\"T\",\"due\":\"2022\",\"leads\":[{\"name\":\"SM\"}],\"progressPercent\":\"lots\"}    | progressPercent",
            "unknown field       | {\"planId\":\"ea-chcj-sip-2021-24\",\"title\":\"T\",\"due\":\"2022\",\"leads\":[{\"name\":\"SM\"}],\"owner\":\"me\"}               | owner",
            "progress over 100   | {\"planId\":\"ea-chcj-sip-2021-24\",\"title\":\"T\",\"due\":\"2022\",\"leads\":[{\"name\":\"SM\"}],\"progressPercent\":101}        | progressPercent",
            "bad email           | {\"planId\":\"ea-chcj-sip-2021-24\",\"title\":\"T\",\"due\":\"2022\",\"leads\":[{\"name\":\"SM\",\"email\":\"nope\"}]}            | leads[0].email",
            "unreadable due      | {\"planId\":\"ea-chcj-sip-2021-24\",\"title\":\"T\",\"due\":\"soon\",\"leads\":[{\"name\":\"SM\"}]}                                | due",
            "due before start    | {\"planId\":\"ea-chcj-sip-2021-24\",\"title\":\"T\",\"due\":\"2022\",\"startDate\":\"2024-01-01\",\"leads\":[{\"name\":\"SM\"}]}   | startDate",
            "bad step due        | {\"planId\":\"ea-chcj-sip-2021-24\",\"title\":\"T\",\"due\":\"2022\",\"leads\":[{\"name\":\"SM\"}],\"steps\":[{\"text\":\"a\",\"due\":\"later\"}]} | due"})
    void badInputGetsAProblemNamingTheFieldAndStoresNothing(String why, String json, String field) {
        HttpResponse<String> response = service.post("/api/actions", service.priya, json);

        assertInvalidField(response, field);
        assertThat(service.count(ActionDocument.COLLECTION)).as(why).isZero();
    }

    @Test
    void anOversizedTitleIsRefused() {
        String json = validAction("2022").replace("\"title\":\"Support", "\"title\":\"" + "x".repeat(400) + "Support");
        assertInvalidField(service.post("/api/actions", service.jamie, json), "title");
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void malformedJsonGetsAProblemWithoutInternals() {
        HttpResponse<String> response = service.post("/api/actions", service.jamie, "{\"title\": ");
        assertProblem(response, 400);
        assertThat(response.body()).doesNotContain("tools.jackson");
    }

    // ------------------------------------------------------------------ who may do what

    @Test
    void withoutAValidTokenTheAnswerIs401() {
        assertProblem(service.post("/api/actions", null, validAction("2022")), 401);
        assertProblem(service.post("/api/actions", service.keycloak.expiredToken("jamie.lead", "staff"), validAction("2022")), 401);
        assertProblem(service.post("/api/actions", service.keycloak.tokenFromOtherIssuer("jamie.lead", "staff"), validAction("2022")), 401);
        assertProblem(service.post("/api/actions", service.keycloak.tokenForAnotherAudience("jamie.lead", "staff"), validAction("2022")), 401);
        assertProblem(service.get("/api/actions", null), 401);
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void anAuditorReadsEverythingAndWritesNothing() {
        String id = create(service.priya, validAction("2022")).path("id").asString();
        assertProblem(service.post("/api/actions", service.alex, validAction("2022")), 403);
        assertProblem(service.send("POST", "/api/actions/" + id + "/progress", service.alex, "\"0\"", "{\"progressPercent\":50}"), 403);
        assertThat(service.get("/api/actions", service.alex).statusCode()).isEqualTo(200);
        assertThat(service.get("/api/actions/" + id + "/history", service.alex).statusCode()).isEqualTo(200);
        assertThat(service.count(ActionDocument.COLLECTION)).isOne();
    }

    @Test
    void staffMayAddOnlyActionsTheyLead() {
        assertProblem(service.post("/api/actions", service.morag, validAction("2022")), 403);
        assertThat(service.post("/api/actions", service.jamie, validAction("2022")).statusCode()).isEqualTo(201);
    }

    @Test
    void aLeadRecordsProgressButAnotherMemberOfStaffMayNot() {
        String id = create(service.priya, validAction("2022")).path("id").asString();

        assertProblem(service.send("POST", "/api/actions/" + id + "/progress", service.morag, "\"0\"", "{\"progressPercent\":50}"), 403);
        HttpResponse<String> recorded = service.send("POST", "/api/actions/" + id + "/progress", service.jamie, "\"0\"",
                "{\"progressPercent\":50,\"text\":\"Standards briefed to all teams\"}");
        assertThat(recorded.statusCode()).isEqualTo(201);
        assertThat(json(recorded).path("progressPercent").asInt()).isEqualTo(50);
        assertThat(json(service.get("/api/actions/" + id + "/progress", service.jamie)).get(0).path("author").asString())
                .isEqualTo("jamie.lead");
    }

    @Test
    void aManagerEditsWithinTheirServiceAreaOnly() {
        JsonNode action = create(service.priya, validAction("2022"));
        String id = action.path("id").asString();
        String renamed = validAction("2022").replace("Support the implementation", "Embed");

        assertProblem(service.send("PUT", "/api/actions/" + id, service.david, "\"0\"", renamed), 403);
        assertProblem(service.send("PUT", "/api/actions/" + id, service.jamie, "\"0\"", renamed), 403);
        HttpResponse<String> updated = service.send("PUT", "/api/actions/" + id, service.sarah, "\"0\"", renamed);
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated).path("title").asString()).startsWith("Embed");
    }

    // ------------------------------------------------------------------ cross-area writes (issue 16)

    @Test
    void anActionWithoutAServiceAreaIsRefusedNamingItAndNothingIsStored() {
        String none = validAction("2022").replace("\"serviceArea\":\"" + CHILDREN + "\",", "");
        String blank = validAction("2022").replace("\"serviceArea\":\"" + CHILDREN + "\"", "\"serviceArea\":\"  \"");

        assertInvalidField(service.post("/api/actions", service.jamie, none), "serviceArea");
        assertInvalidField(service.post("/api/actions", service.priya, blank), "serviceArea");
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();

        String id = create(service.priya, validAction("2022")).path("id").asString();
        assertInvalidField(service.send("PUT", "/api/actions/" + id, service.priya, "\"0\"", none), "serviceArea");
        assertThat(json(service.get("/api/actions/" + id, service.priya)).path("serviceArea").asString()).isEqualTo(CHILDREN);
    }

    @Test
    void aLeadMayNotAddAnActionTheyLeadToAnotherAreasPlanOrInAnotherArea() {
        service.createPlan("dg-business-plan", ADULTS);

        assertProblem(service.post("/api/actions", service.jamie, PlanJson.action("dg-business-plan", CHILDREN, "2022", "jamie.lead")), 403);
        assertProblem(service.post("/api/actions", service.jamie, PlanJson.action(PLAN, ADULTS, "2022", "jamie.lead")), 403);
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
        assertThat(service.post("/api/actions", service.jamie, validAction("2022")).statusCode()).isEqualTo(201);
    }

    @Test
    void aManagerMayNotAddToOrMoveIntoAnotherAreasPlanNorMoveAnActionToAnotherArea() {
        service.createPlan("dg-business-plan", ADULTS);
        assertProblem(service.post("/api/actions", service.sarah, PlanJson.action("dg-business-plan", CHILDREN, "2022", "jamie.lead")), 403);
        String id = create(service.sarah, validAction("2022")).path("id").asString();

        assertProblem(service.send("PUT", "/api/actions/" + id, service.sarah, "\"0\"",
                PlanJson.action("dg-business-plan", CHILDREN, "2022", "jamie.lead")), 403);
        assertProblem(service.send("PUT", "/api/actions/" + id, service.sarah, "\"0\"",
                PlanJson.action(PLAN, ADULTS, "2022", "jamie.lead")), 403);
        assertProblem(service.send("PUT", "/api/actions/" + id, service.david, "\"0\"",
                PlanJson.action("dg-business-plan", ADULTS, "2022", "jamie.lead")), 403);
        JsonNode stored = json(service.get("/api/actions/" + id, service.alex));
        assertThat(stored.path("planId").asString()).isEqualTo(PLAN);
        assertThat(stored.path("serviceArea").asString()).isEqualTo(CHILDREN);
        assertThat(stored.path("version").asLong()).isZero();

        HttpResponse<String> moved = service.send("PUT", "/api/actions/" + id, service.priya, "\"0\"",
                PlanJson.actionLedBy("dg-business-plan", ADULTS, "2022", MORAG));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(json(moved).path("planId").asString()).isEqualTo("dg-business-plan");
    }

    static final String MORAG = "[{\"name\":\"Morag Clark\",\"username\":\"morag.lead\",\"email\":\"morag.clark@waypoint.example\"}]";

    @Test
    void aLeadFromAnotherAreaIsRefusedNamingTheLeadWhoeverWritesAndNothingIsStored() {
        String ledFromElsewhere = PlanJson.actionLedBy(PLAN, CHILDREN, "2022", MORAG);

        for (String writer : List.of(service.sarah, service.priya)) {
            HttpResponse<String> refused = service.post("/api/actions", writer, ledFromElsewhere);
            assertInvalidField(refused, "leads[0].username");
            assertThat(json(refused).path("detail").asString())
                    .isEqualTo("leads[0].username Morag Clark works in Adult and Older People, not in the action's service area "
                            + "Children and Justice");
        }
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();

        String id = create(service.sarah, validAction("2022")).path("id").asString();
        assertInvalidField(service.send("PUT", "/api/actions/" + id, service.priya, "\"0\"", ledFromElsewhere), "leads[0].username");
        JsonNode stored = json(service.get("/api/actions/" + id, service.alex));
        assertThat(stored.path("leads").findValuesAsString("username")).containsExactly("jamie.lead");
        assertThat(stored.path("version").asLong()).isZero();
    }

    @Test
    void aCoLeadFromAnotherAreaIsRefusedEvenWhenTheCallerLeadsTheActionInTheirOwnArea() {
        String coLed = PlanJson.actionLedBy(PLAN, CHILDREN, "2022", "[{\"name\":\"Jamie Wilson\",\"username\":\"jamie.lead\"},"
                + MORAG.substring(1));

        assertInvalidField(service.post("/api/actions", service.jamie, coLed), "leads[1].username");
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void aLeadNoOneInTheDirectoryHasIsRefusedNamingTheUsername() {
        HttpResponse<String> refused = service.post("/api/actions", service.priya,
                PlanJson.actionLedBy(PLAN, CHILDREN, "2022", "[{\"name\":\"Senior Manager\"},{\"name\":\"Olive Owner\",\"username\":\"olive.owner\"}]"));

        assertInvalidField(refused, "leads[1].username");
        assertThat(json(refused).path("detail").asString()).isEqualTo("leads[1].username no one in the directory has the username olive.owner");
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void aStepLedFromAnotherAreaIsRefusedNamingTheStepsLead() {
        String json = validAction("2022").replace("\"lead\":{\"name\":\"Senior Manager\"}",
                "\"lead\":{\"name\":\"Morag Clark\",\"username\":\"morag.lead\"}");

        assertInvalidField(service.post("/api/actions", service.priya, json), "steps[1].lead.username");
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void leadsNamedWithoutAUsernameAndLeadsWhomTheDirectoryPlacesNowhereAreAllowed() {
        create(service.sarah, PlanJson.actionLedBy(PLAN, CHILDREN, "2022", "[{\"name\":\"Senior Manager\"}]"));
        create(service.priya, PlanJson.actionLedBy(PLAN, CHILDREN, "2022",
                "[{\"name\":\"Priya Shah\",\"username\":\"priya.officer\"},{\"name\":\"Alex Reid\",\"username\":\"alex.auditor\"}]"));

        assertThat(service.count(ActionDocument.COLLECTION)).isEqualTo(2);
    }

    @Test
    void aCallerWhoNamesThemselfAsLeadMustWorkInTheActionsArea() {
        String adultsOfficer = service.keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", List.of(ADULTS),
                "performance-officer", "staff");

        assertInvalidField(service.post("/api/actions", adultsOfficer, validAction("2022")), "leads[0].username");
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
    }

    // ------------------------------------------------------------------ what the body must be (issue 16)

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a null lead                | \"leads\":[null]                                                 | leads[0]",
            "a null lead after a good one | \"leads\":[{\"name\":\"Senior Manager\"},null]                   | leads[1]",
            "a null step                | \"leads\":[{\"name\":\"SM\"}],\"steps\":[null]                     | steps[0]",
            "a step with a null lead    | \"leads\":[{\"name\":\"SM\"}],\"steps\":[{\"text\":\"a\",\"lead\":{\"name\":null}}] | steps[0].lead.name"})
    void nullsInsideListsAre400NamingTheElementNever500(String why, String lists, String field) {
        String json = "{\"planId\":\"" + PLAN + "\",\"title\":\"T\",\"serviceArea\":\"" + CHILDREN + "\",\"due\":\"2022\"," + lists + "}";

        assertInvalidField(service.post("/api/actions", service.priya, json), field);
        assertThat(service.count(ActionDocument.COLLECTION)).as(why).isZero();
        String id = create(service.priya, validAction("2022")).path("id").asString();
        assertInvalidField(service.send("PUT", "/api/actions/" + id, service.priya, "\"0\"", json), field);
    }

    @Test
    void numbersAreNotTextAndFractionsAreNotWholePercentages() {
        assertInvalidField(service.post("/api/actions", service.priya,
                validAction("2022").replace("\"title\":\"Support the implementation of the new MAPPA standards\"", "\"title\":123")), "title");
        assertInvalidField(service.post("/api/actions", service.priya,
                validAction("2022").replace("\"due\":\"2022\",", "\"due\":\"2022\",\"progressPercent\":50.5,")), "progressPercent");
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();

        String id = create(service.priya, validAction("2022")).path("id").asString();
        assertInvalidField(service.send("POST", "/api/actions/" + id + "/progress", service.jamie, "\"0\"",
                "{\"progressPercent\":50.5}"), "progressPercent");
        assertInvalidField(service.send("POST", "/api/actions/" + id + "/progress", service.jamie, "\"0\"",
                "{\"progressPercent\":\"50\"}"), "progressPercent");
        assertThat(json(service.get("/api/actions/" + id, service.jamie)).path("progressPercent").asInt()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a header in the title      | \"title\":\"Support the implementation\",   | \"title\":\"Support\\r\\nBcc: x\",              | title",
            "a tab in the title         | \"title\":\"Support the implementation\",   | \"title\":\"Support\\tthe\",                     | title",
            "a line break in the reference | \"reference\":\"SP-2\"                   | \"reference\":\"SP\\n2\"                        | reference",
            "a bell in the service area | \"serviceArea\":\"Children and Justice\"   | \"serviceArea\":\"Children\\u0007\"              | serviceArea",
            "a line break in a lead     | \"name\":\"Jamie Wilson\"                   | \"name\":\"Jamie\\nWilson\"                     | leads[0].name",
            "a line break in a username | \"username\":\"jamie.lead\"                 | \"username\":\"jamie\\r.lead\"                  | leads[0].username",
            "a line break in an email   | \"email\":\"jamie.wilson@waypoint.example\" | \"email\":\"jamie@x.example\\nBcc: y@x.example\" | leads[0].email",
            "a line break in a step     | \"text\":\"Review the Covid oversight arrangements\" | \"text\":\"Review\\nit\"           | steps[0].text",
            "a line break in a priority | \"priorityId\":\"SP\"                       | \"priorityId\":\"S\\nP\"                        | priorityId",
            "a NUL in the description   | \"serviceArea\":                              | \"description\":\"a\\u0000b\",\"serviceArea\": | description"})
    void controlCharactersInOneLineFieldsAre400NamingTheField(String why, String from, String to, String field) {
        String json = validAction("2022").replace("\"title\":\"Support the implementation of the new MAPPA standards\"",
                "\"title\":\"Support the implementation\"");
        assertThat(json).as(why).contains(from);

        assertInvalidField(service.post("/api/actions", service.priya, json.replace(from, to)), field);
        assertThat(service.count(ActionDocument.COLLECTION)).as(why).isZero();
    }

    @Test
    void multiLineTextKeepsLineBreaksAndTabsButNoOtherControlCharacter() {
        String described = validAction("2022").replace("\"serviceArea\":", "\"description\":\"First line\\n\\tSecond line\",\"serviceArea\":");
        JsonNode created = create(service.priya, described);
        String id = created.path("id").asString();
        assertThat(created.path("description").asString()).isEqualTo("First line\n\tSecond line");

        assertInvalidField(service.send("POST", "/api/actions/" + id + "/progress", service.jamie, "\"0\"",
                "{\"progressPercent\":10,\"text\":\"Started\\u001b[2J\"}"), "text");
        assertInvalidField(service.send("PUT", "/api/actions/" + id + "/exception-report", service.jamie, "\"0\"",
                "{\"reason\":\"Late\\u0008\",\"correctiveAction\":\"x\",\"revisedDate\":\"2023-01-01\"}"), "reason");
        assertInvalidField(service.send("PUT", "/api/actions/" + id + "/exception-report", service.jamie, "\"0\"",
                "{\"reason\":\"Late\",\"correctiveAction\":\"x\\u0000\",\"revisedDate\":\"2023-01-01\"}"), "correctiveAction");
        HttpResponse<String> recorded = service.send("POST", "/api/actions/" + id + "/progress", service.jamie, "\"0\"",
                "{\"progressPercent\":10,\"text\":\"Started.\\r\\nNext: training.\"}");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(json(recorded).path("progressUpdates").get(0).path("text").asString()).isEqualTo("Started.\r\nNext: training.");
    }

    @Test
    void progressAndExceptionReportsNeedIfMatch428WhenMissingAnd412WhenStale() {
        String id = create(service.priya, validAction("2022")).path("id").asString();
        String progress = "{\"progressPercent\":10}";
        String report = "{\"reason\":\"Late\",\"correctiveAction\":\"Cover\",\"revisedDate\":\"2023-01-01\"}";

        assertProblem(service.send("POST", "/api/actions/" + id + "/progress", service.jamie, null, progress), 428);
        assertProblem(service.send("PUT", "/api/actions/" + id + "/exception-report", service.jamie, null, report), 428);
        assertProblem(service.send("DELETE", "/api/actions/" + id + "/exception-report", service.jamie, null, null), 428);
        assertProblem(service.send("POST", "/api/actions/" + id + "/progress", service.jamie, "\"7\"", progress), 412);
        assertProblem(service.send("PUT", "/api/actions/" + id + "/exception-report", service.jamie, "\"7\"", report), 412);
        assertProblem(service.send("DELETE", "/api/actions/" + id + "/exception-report", service.jamie, "\"7\"", null), 412);
        assertThat(json(service.get("/api/actions/" + id + "/history", service.alex)).findValuesAsString("what"))
                .containsExactly("created");

        HttpResponse<String> reported = service.send("PUT", "/api/actions/" + id + "/exception-report", service.jamie, "\"0\"", report);
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        assertThat(reported.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(service.send("DELETE", "/api/actions/" + id + "/exception-report", service.jamie, "\"1\"", null).statusCode())
                .isEqualTo(200);
    }

    // ------------------------------------------------------------------ concurrency and history

    @Test
    void aStaleWriteGets412AndTheFirstWriteIsKept() {
        String id = create(service.priya, validAction("2022")).path("id").asString();
        String first = validAction("2022").replace("Support the implementation", "First");
        String second = validAction("2022").replace("Support the implementation", "Second");

        assertThat(service.send("PUT", "/api/actions/" + id, service.sarah, "\"0\"", first).statusCode()).isEqualTo(200);
        assertProblem(service.send("PUT", "/api/actions/" + id, service.priya, "\"0\"", second), 412);
        assertThat(json(service.get("/api/actions/" + id, service.priya)).path("title").asString()).startsWith("First");
        assertProblem(service.send("PUT", "/api/actions/" + id, service.priya, null, second), 428);
        assertProblem(service.send("POST", "/api/actions/" + id + "/progress", service.jamie, "\"0\"", "{\"progressPercent\":5}"), 412);
    }

    @Test
    void everyChangeIsInTheHistoryWithWhoWhenAndWhat() {
        String id = create(service.priya, validAction("2022")).path("id").asString();
        service.send("POST", "/api/actions/" + id + "/progress", service.jamie, "\"0\"", "{\"progressPercent\":30,\"text\":\"Started\"}");
        service.send("PUT", "/api/actions/" + id + "/exception-report", service.sarah, "\"1\"",
                "{\"reason\":\"Standards published late\",\"correctiveAction\":\"Interim guidance issued\",\"revisedDate\":\"2023-09-30\"}");

        JsonNode history = json(service.get("/api/actions/" + id + "/history", service.alex));
        assertThat(history.findValuesAsString("what")).containsExactly("created", "progress recorded", "exception reported");
        assertThat(history.get(1).path("by").asString()).isEqualTo("jamie.lead");
        assertThat(history.get(1).path("changes").get(0).path("field").asString()).isEqualTo("progressPercent");
        assertThat(history.get(1).path("changes").get(0).path("from").asString()).isEqualTo("0");
        assertThat(history.get(1).path("changes").get(0).path("to").asString()).isEqualTo("30");
        JsonNode action = json(service.get("/api/actions/" + id, service.alex));
        assertThat(action.path("judgedBy").asString()).isEqualTo("2023-09-30");
        assertThat(action.path("exceptionReport").path("reportedBy").asString()).isEqualTo("sarah.manager");

        service.send("DELETE", "/api/actions/" + id + "/exception-report", service.sarah, "\"2\"", null);
        JsonNode withdrawn = json(service.get("/api/actions/" + id, service.alex));
        assertThat(withdrawn.path("exceptionReport").isMissingNode() || withdrawn.path("exceptionReport").isNull())
                .as("a withdrawn exception report is gone, not kept with its old value: %s", withdrawn).isTrue();
        assertThat(withdrawn.path("judgedBy").asString()).isEqualTo("2023-03-31");
    }

    @Test
    void anExceptionReportNeedsItsReasonCorrectiveActionAndDate() {
        String id = create(service.priya, validAction("2022")).path("id").asString();
        assertInvalidField(service.send("PUT", "/api/actions/" + id + "/exception-report", service.jamie, "\"0\"",
                "{\"reason\":\"\",\"correctiveAction\":\"x\",\"revisedDate\":\"2023-01-01\"}"), "reason");
        assertInvalidField(service.send("PUT", "/api/actions/" + id + "/exception-report", service.jamie, "\"0\"",
                "{\"reason\":\"r\",\"correctiveAction\":\"x\",\"revisedDate\":\"someday\"}"), "revisedDate");
        assertThat(json(service.get("/api/actions/" + id, service.jamie)).path("exceptionReport").isNull()).isTrue();
    }

    // ------------------------------------------------------------------ lists

    @Test
    void listsFilterByDerivedStatusDatesAndTextAndPage() {
        create(service.priya, validAction("2021"));
        create(service.priya, validAction("2099"));
        create(service.priya, validAction("2020").replace("MAPPA", "Joint Investigative Interviewing")
                .replace("\"startDate\":\"2021-04-01\",", ""));

        JsonNode overdue = json(service.get("/api/actions?status=OVERDUE&size=1&sort=due,desc", service.jamie));
        assertThat(overdue.path("total").asInt()).isEqualTo(2);
        assertThat(overdue.path("totalPages").asInt()).isEqualTo(2);
        assertThat(overdue.path("items")).hasSize(1);
        assertThat(overdue.path("items").get(0).path("due").path("asWritten").asString()).isEqualTo("2021");

        assertThat(json(service.get("/api/actions?dueAfter=2030-01-01", service.jamie)).path("total").asInt()).isOne();
        assertThat(json(service.get("/api/actions?q=joint%20investigative", service.jamie)).path("total").asInt()).isOne();
        assertThat(json(service.get("/api/actions?lead=jamie.lead&planId=" + PLAN + "&priorityId=SP", service.jamie))
                .path("total").asInt()).isEqualTo(3);
        assertThat(json(service.get("/api/actions?serviceArea=" + ADULTS.replace(" ", "%20"), service.jamie)).path("total").asInt()).isZero();

        assertInvalidField(service.get("/api/actions?status=SOMETIMES", service.jamie), "status");
        assertInvalidField(service.get("/api/actions?size=0", service.jamie), "size");
        assertInvalidField(service.get("/api/actions?sort=colour", service.jamie), "sort");
        assertInvalidField(service.get("/api/actions?dueBefore=tomorrow", service.jamie), "dueBefore");
    }

    @Test
    void unknownActionsAre404ProblemJsonOnEveryEndpoint() {
        for (String path : List.of("/api/actions/none", "/api/actions/none/history", "/api/actions/none/progress")) {
            assertProblem(service.get(path, service.jamie), 404);
        }
        assertProblem(service.send("POST", "/api/actions/none/progress", service.priya, "\"0\"", "{\"progressPercent\":5}"), 404);
        assertProblem(service.send("PUT", "/api/actions/none", service.priya, "\"0\"", validAction("2022")), 404);
    }

    @Test
    void healthIsOpenAndReportsReadiness() {
        HttpResponse<String> readiness = service.get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("UP");
        assertThat(service.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }
}
