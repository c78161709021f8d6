package org.waypoint.risk.risk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.risk.risk.persistence.RiskDocument;
import org.waypoint.risk.register.persistence.RiskRegisterDocument;
import org.waypoint.risk.support.Http;
import org.waypoint.risk.support.RiskServiceRunning;
import org.waypoint.testsupport.Services;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The risks API over real HTTP, with signed tokens and the MongoDB-compatible server. */
class RiskApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CJ = "Children and Justice";

    static RiskServiceRunning service;
    static String base;
    static String officer;
    static String jamie;
    static String morag;
    static String sarah;
    static String david;
    static String auditor;

    String registerId;

    @BeforeAll
    static void start() {
        service = new RiskServiceRunning("risks-api-test");
        base = service.base;
        officer = service.officer;
        jamie = service.jamie;
        morag = service.morag;
        sarah = service.sarah;
        david = service.david;
        auditor = service.auditor;
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void aRegister() {
        service.empty(RiskDocument.COLLECTION, RiskRegisterDocument.COLLECTION);
        HttpResponse<String> created = Services.post(base + "/api/risk-registers", officer, """
                {"name":"CHCJ Service Improvement Plan 2021/24","organisation":"East Ayrshire HSCP","serviceArea":"Children and Justice"}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        registerId = json(created).path("id").asString();
    }

    String riskJson(String code, int likelihood, int impact) {
        return """
                {"registerId":"%s","code":"%s","title":"Failure to protect children & young people",
                 "description":"Increased demand for and complexity of public protection work related to the pandemic.",
                 "category":"Public protection",
                 "owner":{"name":"Jamie Wilson","username":"jamie.lead","email":"jamie.wilson@waypoint.example"},
                 "current":{"likelihood":%d,"impact":%d},"target":{"likelihood":2,"impact":4},
                 "reviewFrequency":"MONTHLY",
                 "mitigations":[{"text":"Public Protection Multi-Agency Covid Operational Oversight model","status":"IN_PLACE"}]}"""
                .formatted(registerId, code, likelihood, impact);
    }

    JsonNode raise(String token, String code, int likelihood, int impact) {
        HttpResponse<String> response = Services.post(base + "/api/risks", token, riskJson(code, likelihood, impact));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    @Test
    void anOfficerRaisesARiskThatIsScoredBandedAndSavedWithItsEvent() {
        HttpResponse<String> created = Services.post(base + "/api/risks", officer, riskJson("CHCJRISK01", 3, 5));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        JsonNode risk = json(created);
        assertThat(risk.path("current").path("score").asInt()).isEqualTo(15);
        assertThat(risk.path("current").path("band").asString()).isEqualTo("HIGH");
        assertThat(risk.path("original").path("score").asInt()).isEqualTo(15);
        assertThat(risk.path("target").path("band").asString()).isEqualTo("MEDIUM");
        assertThat(risk.path("aboveAppetite").asBoolean()).isTrue();
        assertThat(risk.path("serviceArea").asString()).isEqualTo(CJ);
        var stored = mongo().findAll(org.bson.Document.class, RiskDocument.COLLECTION);
        assertThat(stored).singleElement().satisfies(doc -> assertThat(doc.getList("outbox", org.bson.Document.class))
                .extracting(m -> m.getString("type")).containsExactly("org.waypoint.risk.RiskRaised.v1"));
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(Services.get(base + location, auditor).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "likelihood 0        | \"current\":{\"likelihood\":3       | \"current\":{\"likelihood\":0       | current.likelihood",
            "likelihood 6        | \"current\":{\"likelihood\":3       | \"current\":{\"likelihood\":6       | current.likelihood",
            "impact 6            | \"impact\":5}                        | \"impact\":6}                        | current.impact",
            "unknown category    | \"category\":\"Public protection\"  | \"category\":\"Weather\"            | category",
            "unknown field       | \"reviewFrequency\"                  | \"colour\":\"red\",\"reviewFrequency\" | colour",
            "bad frequency       | \"MONTHLY\"                          | \"FORTNIGHTLY\"                      | reviewFrequency",
            "code with spaces    | \"code\":\"CHCJRISK09\"             | \"code\":\"CHCJ RISK 09\"           | code",
            "no owner name       | \"name\":\"Jamie Wilson\",          | \"name\":\" \",                     | owner.name",
            "unknown register    | \"registerId\":\"                    | \"registerId\":\"nope-                | registerId",
            "likelihood 2.5      | \"current\":{\"likelihood\":3       | \"current\":{\"likelihood\":2.5     | current.likelihood",
            "likelihood \"3\"    | \"current\":{\"likelihood\":3       | \"current\":{\"likelihood\":\"3\"   | current.likelihood",
            "title the number 123 | \"title\":\"Failure to protect children & young people\" | \"title\":123 | title",
            "code the number 7   | \"code\":\"CHCJRISK09\"             | \"code\":7                          | code",
            "a null mitigation   | \"mitigations\":[                     | \"mitigations\":[null,                | mitigations[0]"})
    void badInputGetsAProblemNamingTheFieldAndStoresNothing(String why, String from, String to, String field) {
        HttpResponse<String> response = Services.post(base + "/api/risks", officer, riskJson("CHCJRISK09", 3, 5).replace(from.strip(), to.strip()));

        assertThat(response.statusCode()).as(why + ": " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).path("errors").findValuesAsString("field")).as(why).contains(field);
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(mongo().count(new Query(), RiskDocument.COLLECTION)).isZero();
    }

    @ParameterizedTest(name = "oversized {0}")
    @CsvSource({"title, 301", "description, 5001", "code, 41"})
    void oversizedTextIsRefusedAndNothingStored(String field, int length) {
        JsonNode body = JSON.readTree(riskJson("CHCJRISK09", 3, 5));
        ((tools.jackson.databind.node.ObjectNode) body).put(field, "X".repeat(length));

        HttpResponse<String> response = Services.post(base + "/api/risks", officer, body.toString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("errors").findValuesAsString("field")).contains(field);
        assertThat(mongo().count(new Query(), RiskDocument.COLLECTION)).isZero();
    }

    @Test
    void aCodeIsUniqueWithinItsRegisterButNotAcrossRegisters() {
        raise(officer, "CHCJRISK01", 3, 5);

        HttpResponse<String> duplicate = Services.post(base + "/api/risks", officer, riskJson("chcjrisk01", 2, 2));
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(json(duplicate).path("errors").findValuesAsString("field")).containsExactly("code");
        assertThat(json(duplicate).path("detail").asString()).contains("CHCJRISK01").contains("already used");
        assertThat(mongo().count(new Query(), RiskDocument.COLLECTION)).isEqualTo(1);

        String other = json(Services.post(base + "/api/risk-registers", officer,
                "{\"name\":\"Another register\",\"serviceArea\":\"Children and Justice\"}")).path("id").asString();
        assertThat(Services.post(base + "/api/risks", officer, riskJson("CHCJRISK01", 3, 5).replace(registerId, other)).statusCode()).isEqualTo(201);
    }

    @Test
    void changesNeedTheETagTheyWereReadWith() {
        JsonNode risk = raise(officer, "CHCJRISK01", 3, 5);
        String assessments = base + "/api/risks/" + risk.path("id").asString() + "/assessments";
        String body = "{\"likelihood\":4,\"impact\":5,\"justification\":\"Funding settlement confirmed a cut\"}";

        HttpResponse<String> missing = Http.post(assessments, officer, null, body);
        assertThat(missing.statusCode()).isEqualTo(428);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> ok = Http.post(assessments, officer, "\"0\"", body);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(json(ok).path("current").path("band").asString()).isEqualTo("VERY_HIGH");

        HttpResponse<String> stale = Http.post(assessments, officer, "\"0\"", body.replace("4,", "2,"));
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(json(Services.get(base + "/api/risks/" + risk.path("id").asString(), officer)).path("current").path("likelihood").asInt()).isEqualTo(4);
    }

    @Test
    void theHistoryShowsWhoAssessedWhatWhenAndWhyIncludingAReviewThatChangedNothing() {
        String id = raise(officer, "CHCJRISK01", 3, 5).path("id").asString();
        Http.post(base + "/api/risks/" + id + "/assessments", jamie, "\"0\"",
                "{\"assessment\":\"TARGET\",\"likelihood\":2,\"impact\":3,\"justification\":\"MARAC funded\"}");
        HttpResponse<String> reviewed = Http.post(base + "/api/risks/" + id + "/reviews", sarah, "\"1\"",
                "{\"justification\":\"Management team, September: no change\"}");
        assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(200);

        JsonNode history = json(Services.get(base + "/api/risks/" + id + "/history", auditor));
        assertThat(history).hasSize(3);
        assertThat(history.get(1).path("by").asString()).isEqualTo("jamie.lead");
        assertThat(history.get(1).path("assessment").asString()).isEqualTo("TARGET");
        assertThat(history.get(1).path("before").path("score").asInt()).isEqualTo(8);
        assertThat(history.get(1).path("after").path("score").asInt()).isEqualTo(6);
        assertThat(history.get(1).path("justification").asString()).isEqualTo("MARAC funded");
        assertThat(history.get(2).path("kind").asString()).isEqualTo("REVIEWED");
        assertThat(history.get(2).path("by").asString()).isEqualTo("sarah.manager");
        assertThat(history.get(2).path("at").asString()).isNotBlank();
        assertThat(json(reviewed).path("lastReviewedOn").isNull()).isFalse();
        assertThat(json(Services.get(base + "/api/risks/" + id + "/assessments", auditor))).hasSize(3);
    }

    @Test
    void listsFilterAndPageAndTheHeatMapCountsExactlyTheRisksInTheFilter() {
        raise(officer, "CHCJRISK01", 3, 5);
        raise(officer, "CHCJRISK02", 4, 5);
        raise(officer, "CHCJRISK03", 3, 4);
        raise(officer, "CHCJRISK05", 2, 4);
        raise(officer, "CHCJRISK06", 2, 2);
        Services.post(base + "/api/risks", officer, riskJson("CHCJRISK07", 2, 2).replace("Public protection", "Workforce")
                .replace("\"username\":\"jamie.lead\"", "\"username\":\"morag.lead\"").replace("Jamie Wilson", "Morag Clark"));

        JsonNode page = json(Services.get(base + "/api/risks?band=HIGH&size=1&sort=score,desc", auditor));
        assertThat(page.path("total").asInt()).isEqualTo(2);
        assertThat(page.path("totalPages").asInt()).isEqualTo(2);
        assertThat(page.path("items").get(0).path("code").asString()).isEqualTo("CHCJRISK01");
        assertThat(json(Services.get(base + "/api/risks?owner=morag.lead", auditor)).path("total").asInt()).isEqualTo(1);
        assertThat(json(Services.get(base + "/api/risks?category=workforce", auditor)).path("total").asInt()).isEqualTo(1);
        assertThat(json(Services.get(base + "/api/risks?aboveAppetite=true", auditor)).path("total").asInt()).isEqualTo(3);
        assertThat(json(Services.get(base + "/api/risks?reviewOverdue=false&serviceArea=children and justice".replace(" ", "%20"), auditor))
                .path("total").asInt()).isEqualTo(6);
        assertThat(Services.get(base + "/api/risks?band=PURPLE", auditor).body()).contains("\"field\":\"band\"");
        assertThat(Services.get(base + "/api/risks?sort=colour", auditor).body()).contains("\"field\":\"sort\"");

        for (String filter : List.of("", "band=HIGH", "category=Workforce", "aboveAppetite=true", "owner=jamie.lead",
                "assessment=TARGET", "assessment=ORIGINAL&band=VERY_HIGH", "registerId=" + registerId)) {
            JsonNode map = json(Services.get(base + "/api/risks/heat-map?" + filter, auditor));
            String listFilter = filter.replaceAll("assessment=[A-Z]+&?", "");
            int inFilter = json(Services.get(base + "/api/risks?size=200&" + listFilter, auditor)).path("total").asInt();
            int sum = 0;
            for (JsonNode row : map.path("counts")) {
                assertThat(row).hasSize(5);
                for (JsonNode cell : row) {
                    sum += cell.asInt();
                }
            }
            assertThat(map.path("counts")).hasSize(5);
            assertThat(sum + map.path("withoutAssessment").asInt()).as(filter).isEqualTo(inFilter);
            assertThat(map.path("total").asInt()).as(filter).isEqualTo(inFilter);
        }
        JsonNode all = json(Services.get(base + "/api/risks/heat-map", auditor));
        assertThat(all.path("counts").get(3).get(4).asInt()).as("likelihood 4, impact 5").isEqualTo(1);
        assertThat(all.path("counts").get(1).get(1).asInt()).as("likelihood 2, impact 2").isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "/api/risks?aboveAppetite=maybe                       | aboveAppetite | has the wrong type or format",
            "/api/risks?reviewOverdue=2                           | reviewOverdue | has the wrong type or format",
            "/api/risks?status=SHELVED                            | status        | has the wrong type or format",
            "/api/risks?band=PURPLE                               | band          | 'PURPLE' is not a band: use LOW, MEDIUM, HIGH or VERY_HIGH",
            "/api/risks/heat-map?status=open-ish                  | status        | has the wrong type or format",
            "/api/risks/export?format=xlsx&aboveAppetite=perhaps  | aboveAppetite | has the wrong type or format",
            "/api/risk-registers/{register}/export?reviewOverdue=x | reviewOverdue | has the wrong type or format",
            "/api/risk-registers/{register}/export.xlsx?status=X  | status        | has the wrong type or format"})
    void aFilterValueOfTheWrongTypeOrFormatIs400NamingTheParameter(String query, String field, String message) {
        raise(officer, "CHCJRISK01", 3, 5);

        HttpResponse<String> response = Services.get(base + query.replace("{register}", registerId), auditor);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode errors = json(response).path("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("field").asString()).isEqualTo(field);
        assertThat(errors.get(0).path("message").asString()).isEqualTo(message);
        assertThat(response.body()).doesNotContain("Exception", "convert", "org.waypoint");
    }

    @Test
    void filtersAreReadFromTheQueryOnlyNotFromHeadersOfTheSameName() {
        raise(officer, "CHCJRISK01", 3, 5);

        HttpResponse<String> response = Http.get(base + "/api/risks", auditor, "Band", "LOW");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).path("total").asInt()).isEqualTo(1);
        assertThat(Http.get(base + "/api/risks/heat-map", auditor, "Status", "NOT-A-STATUS").statusCode()).isEqualTo(200);
    }

    /** The filters are one parameter object in the code, but each is its own query parameter in the API description. */
    @Test
    void theApiDescriptionListsEachFilterAsAQueryParameterOfEveryEndpointThatTakesThem() {
        JsonNode paths = json(Services.get(base + "/v3/api-docs", null)).path("paths");
        List<String> filters = List.of("serviceArea", "category", "owner", "band", "aboveAppetite", "reviewOverdue", "status", "q");
        for (String path : List.of("/api/risks", "/api/risks/heat-map", "/api/risks/export", "/api/risk-registers/{id}/export",
                "/api/risk-registers/{id}/export.csv", "/api/risk-registers/{id}/export.xlsx")) {
            JsonNode parameters = paths.path(path).path("get").path("parameters");
            List<String> names = parameters.findValuesAsString("name");
            assertThat(names).as(path).containsAll(filters).doesNotContain("filter", "riskFilterParams");
            assertThat(names.contains("registerId")).as(path + ": the register is its path's or a query parameter").isEqualTo(!path.contains("{id}"));
            parameters.forEach(p -> assertThat(p.path("in").asString()).as(path + " " + p)
                    .isEqualTo(p.path("name").asString().equals("id") ? "path" : "query"));
            JsonNode status = parameters.findParents("name").stream().filter(p -> p.path("name").asString().equals("status"))
                    .findFirst().orElseThrow();
            assertThat(status.path("required").asBoolean()).isFalse();
            assertThat(status.path("schema").path("enum").toString()).contains("\"OPEN\"");
        }
    }

    @Test
    void ownersManagersOfTheAreaAndOfficersMayChangeARiskOthersMayNot() {
        String id = raise(jamie, "CHCJRISK01", 3, 5).path("id").asString(); // staff may raise a risk they own
        String review = base + "/api/risks/" + id + "/reviews";
        String body = "{\"justification\":\"monthly review\"}";

        assertThat(Http.post(review, morag, "\"0\"", body).statusCode()).as("staff, not the owner").isEqualTo(403);
        assertThat(Http.post(review, david, "\"0\"", body).statusCode()).as("manager of another area").isEqualTo(403);
        assertThat(Http.post(review, auditor, "\"0\"", body).statusCode()).as("auditor").isEqualTo(403);
        assertThat(json(Services.get(base + "/api/risks/" + id, officer)).path("version").asLong()).isZero();

        assertThat(Http.post(review, jamie, "\"0\"", body).statusCode()).as("owner").isEqualTo(200);
        assertThat(Http.post(review, sarah, "\"1\"", body).statusCode()).as("manager of the area").isEqualTo(200);
        assertThat(Http.post(review, officer, "\"2\"", body).statusCode()).as("performance officer").isEqualTo(200);

        HttpResponse<String> forOthers = Services.post(base + "/api/risks", morag, riskJson("CHCJRISK02", 2, 2));
        assertThat(forOthers.statusCode()).as("staff raising a risk owned by someone else elsewhere").isEqualTo(403);
        assertThat(Http.put(base + "/api/risk-registers/" + registerId + "/banding", jamie, "\"0\"",
                "{\"ranges\":[{\"band\":\"LOW\",\"from\":1,\"to\":25}],\"justification\":\"x\"}").statusCode()).isEqualTo(403);
    }

    @Test
    void mitigationsAreASubResourceTheirOwnersMayUpdate() {
        String id = raise(officer, "CHCJRISK01", 3, 5).path("id").asString();
        HttpResponse<String> added = Http.post(base + "/api/risks/" + id + "/mitigations", officer, "\"0\"", """
                {"text":"Secure multi-agency Ayrshire wide funding for MARAC","dueDate":"2023-03-31","status":"PLANNED",
                 "reduces":"LIKELIHOOD","owner":{"name":"Morag Clark","username":"morag.lead"}}""");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode mitigations = json(Services.get(base + "/api/risks/" + id + "/mitigations", auditor));
        assertThat(mitigations).hasSize(2);
        String mitigationId = mitigations.get(1).path("id").asString();

        HttpResponse<String> done = Http.put(base + "/api/risks/" + id + "/mitigations/" + mitigationId, morag, "\"1\"", """
                {"text":"Secure multi-agency Ayrshire wide funding for MARAC","dueDate":"2023-03-31","status":"IN_PLACE",
                 "owner":{"name":"Morag Clark","username":"morag.lead"}}""");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertThat(json(done).path("mitigations").get(1).path("status").asString()).isEqualTo("IN_PLACE");
        assertThat(Http.put(base + "/api/risks/" + id, morag, "\"2\"", "{\"title\":\"Mine now\"}").statusCode())
                .as("a mitigation owner does not own the risk").isEqualTo(403);
    }

    @Test
    void changingTheBandingRebandsTheRegistersRisksAndIsRecorded() {
        String id = raise(officer, "CHCJRISK01", 3, 5).path("id").asString();
        raise(officer, "CHCJRISK06", 2, 2);

        HttpResponse<String> changed = Http.put(base + "/api/risk-registers/" + registerId + "/banding", officer, "\"0\"", """
                {"ranges":[{"band":"LOW","from":1,"to":4},{"band":"MEDIUM","from":5,"to":9},{"band":"HIGH","from":10,"to":12},
                           {"band":"VERY_HIGH","from":15,"to":25}],
                 "justification":"Audit and Risk Committee asked for a stricter matrix"}""");

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).path("risksRebanded").asInt()).isEqualTo(2);
        JsonNode risk = json(Services.get(base + "/api/risks/" + id, auditor));
        assertThat(risk.path("current").path("band").asString()).isEqualTo("VERY_HIGH");
        JsonNode history = json(Services.get(base + "/api/risks/" + id + "/history", auditor));
        assertThat(history.get(history.size() - 1).path("kind").asString()).isEqualTo("REBANDED");
        JsonNode registerHistory = json(Services.get(base + "/api/risk-registers/" + registerId + "/history", auditor));
        assertThat(registerHistory.get(registerHistory.size() - 1).path("what").asString()).isEqualTo("BANDING_CHANGED");
        assertThat(registerHistory.get(registerHistory.size() - 1).path("by").asString()).isEqualTo("priya.officer");
        assertThat(registerHistory.get(registerHistory.size() - 1).path("after").asString()).contains("Very high 15-25");

        HttpResponse<String> gap = Http.put(base + "/api/risk-registers/" + registerId + "/banding", officer, "\"1\"",
                "{\"ranges\":[{\"band\":\"LOW\",\"from\":1,\"to\":4},{\"band\":\"HIGH\",\"from\":10,\"to\":25}],\"justification\":\"gap\"}");
        assertThat(gap.statusCode()).isEqualTo(400);
        assertThat(json(gap).path("errors").findValuesAsString("field")).contains("banding.ranges");
    }

    @Test
    void anUnknownRiskIs404AndAClosedRiskTakesNoMoreAssessments() {
        assertThat(Services.get(base + "/api/risks/nope", auditor).statusCode()).isEqualTo(404);
        String id = raise(officer, "CHCJRISK07", 2, 2).path("id").asString();

        HttpResponse<String> closed = Http.post(base + "/api/risks/" + id + "/close", officer, "\"0\"", "{\"reason\":\"Restrictions lifted\"}");
        assertThat(closed.statusCode()).isEqualTo(200);
        assertThat(json(closed).path("status").asString()).isEqualTo("CLOSED");
        HttpResponse<String> after = Http.post(base + "/api/risks/" + id + "/assessments", officer, "\"1\"",
                "{\"likelihood\":4,\"impact\":5,\"justification\":\"x\"}");
        assertThat(after.statusCode()).isEqualTo(400);
        assertThat(json(after).path("errors").findValuesAsString("field")).contains("status");
    }

    @Test
    void aLikelihoodOf2Point5IsRefusedNotStoredAs2() {
        String id = raise(officer, "CHCJRISK01", 3, 5).path("id").asString();

        HttpResponse<String> response = Http.post(base + "/api/risks/" + id + "/assessments", officer, "\"0\"",
                "{\"likelihood\":2.5,\"impact\":5,\"justification\":\"Funding settlement confirmed a cut\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).path("errors").findValuesAsString("field")).containsExactly("likelihood");
        JsonNode stored = json(Services.get(base + "/api/risks/" + id, officer));
        assertThat(stored.path("version").asLong()).isZero();
        assertThat(stored.path("current").path("likelihood").asInt()).isEqualTo(3);
    }

    static List<Arguments> controlCharactersInRaisedRisks() {
        return List.of(
                Arguments.of("/title", "Failure to protect\r\nBcc: attacker@example.com", "title"),
                Arguments.of("/title", "Failure\tto protect", "title"),
                Arguments.of("/code", "CHCJ\u0000RISK09", "code"),
                Arguments.of("/category", "Public\nprotection", "category"),
                Arguments.of("/serviceArea", "Children and Justice\r\n", "serviceArea"),
                Arguments.of("/owner/name", "Jamie\u001bWilson", "owner.name"),
                Arguments.of("/owner/username", "jamie\r\nlead", "owner.username"),
                Arguments.of("/description", "Increased demand\u0007 for public protection", "description"),
                Arguments.of("/riskFactors", "Demand\u0000", "riskFactors"),
                Arguments.of("/mitigations/0/text", "Oversight\u0008 model", "mitigations[0].text"),
                Arguments.of("/mitigations/0/owner", "{\"name\":\"Morag\\nClark\"}", "mitigations[0].owner.name"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("controlCharactersInRaisedRisks")
    void controlCharactersAreRefusedInOneLineFieldsAndAllButLineBreaksAndTabsInMultiLineOnes(String pointer, String value,
                                                                                               String field) {
        JsonNode body = JSON.readTree(riskJson("CHCJRISK09", 3, 5));
        JsonNode parent = body.at(pointer.substring(0, pointer.lastIndexOf('/')));
        String name = pointer.substring(pointer.lastIndexOf('/') + 1);
        if (value.startsWith("{")) {
            ((tools.jackson.databind.node.ObjectNode) parent).set(name, JSON.readTree(value));
        } else {
            ((tools.jackson.databind.node.ObjectNode) parent).put(name, value);
        }

        HttpResponse<String> response = Services.post(base + "/api/risks", officer, body.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).path("errors").findValuesAsString("field")).containsExactly(field);
        assertThat(mongo().count(new Query(), RiskDocument.COLLECTION)).isZero();
    }

    @Test
    void multiLineTextKeepsItsLineBreaksAndTabs() {
        JsonNode body = JSON.readTree(riskJson("CHCJRISK09", 3, 5));
        ((tools.jackson.databind.node.ObjectNode) body).put("description", "Increased demand.\n\tMore complex cases.");

        HttpResponse<String> response = Services.post(base + "/api/risks", officer, body.toString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(response).path("description").asString()).isEqualTo("Increased demand.\n\tMore complex cases.");
    }

    static List<Arguments> controlCharactersInChanges() {
        return List.of(
                Arguments.of("PUT", "/api/risks/{risk}", "{\"title\":\"Restated\\r\\nBcc: x@example.com\"}", "title"),
                Arguments.of("PUT", "/api/risks/{risk}", "{\"serviceArea\":\"Children\\u0000\"}", "serviceArea"),
                Arguments.of("PUT", "/api/risks/{risk}", "{\"owner\":{\"name\":\"Jamie\\nWilson\"}}", "owner.name"),
                Arguments.of("PUT", "/api/risks/{risk}", "{\"description\":\"Bell\\u0007\"}", "description"),
                Arguments.of("POST", "/api/risks/{risk}/close", "{\"reason\":\"Restrictions lifted\\u0000\"}", "reason"),
                Arguments.of("POST", "/api/risks/{risk}/reviews", "{\"justification\":\"No change\\u001b[2J\"}", "justification"),
                Arguments.of("POST", "/api/risks/{risk}/assessments",
                        "{\"likelihood\":4,\"impact\":5,\"justification\":\"Cut\\u0000\"}", "justification"),
                Arguments.of("POST", "/api/risks/{risk}/mitigations", "{\"text\":\"Weekly\\u0007 monitoring\"}", "text"),
                Arguments.of("POST", "/api/risks/{risk}/mitigations",
                        "{\"text\":\"Weekly monitoring\",\"owner\":{\"name\":\"Morag\\r\\nClark\"}}", "owner.name"),
                Arguments.of("POST", "/api/risk-registers", "{\"name\":\"Register\\r\\nBcc: x@example.com\",\"serviceArea\":\"Children and Justice\"}", "name"),
                Arguments.of("POST", "/api/risk-registers", "{\"name\":\"Register\",\"organisation\":\"East\\tAyrshire\"}", "organisation"),
                Arguments.of("PUT", "/api/risk-registers/{register}/categories",
                        "{\"categories\":[{\"name\":\"Public\\nprotection\",\"highestAcceptableBand\":\"HIGH\"}],\"justification\":\"x\"}",
                        "categories[0].name"),
                Arguments.of("PUT", "/api/risk-registers/{register}/banding",
                        "{\"ranges\":[{\"band\":\"LOW\",\"from\":1,\"to\":4},{\"band\":\"MEDIUM\",\"from\":5,\"to\":9},"
                                + "{\"band\":\"HIGH\",\"from\":10,\"to\":12},{\"band\":\"VERY_HIGH\",\"from\":15,\"to\":25}],"
                                + "\"justification\":\"Agreed\\u0000\"}", "justification"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("controlCharactersInChanges")
    void controlCharactersInAChangeAreRefusedNamingTheFieldAndNothingChanges(String method, String path, String body, String field) {
        String id = raise(officer, "CHCJRISK01", 3, 5).path("id").asString();

        HttpResponse<String> response = Http.send(method, base + path.replace("{risk}", id).replace("{register}", registerId), officer,
                "\"0\"", "application/json", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).path("errors").findValuesAsString("field")).containsExactly(field);
        assertThat(json(Services.get(base + "/api/risks/" + id, officer)).path("version").asLong()).isZero();
        assertThat(json(Services.get(base + "/api/risk-registers/" + registerId, officer)).path("version").asLong()).isZero();
        assertThat(mongo().count(new Query(), RiskRegisterDocument.COLLECTION)).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}?{1}")
    @CsvSource(delimiter = '|', value = {
            "/api/risks                        | serviceArea%5B%24ne%5D=x | serviceArea[$ne]",
            "/api/risks                        | owner.x=x                | owner.x",
            "/api/risks/heat-map               | band%5B%24ne%5D=x        | band[$ne]",
            "/api/risks/heat-map               | status.x=x               | status.x",
            "/api/risks/export                 | category%5B%24ne%5D=x    | category[$ne]",
            "/api/risks/export                 | q.x=x                    | q.x",
            "/api/risk-registers/{id}/export   | owner%5B%24ne%5D=x       | owner[$ne]",
            "/api/risk-registers/{id}/export   | serviceArea.x=x          | serviceArea.x",
            "/api/risk-registers/{id}/export.xlsx | band%5B%24gt%5D=      | band[$gt]"})
    void aFilterNamedAsAnOperatorOrAPropertyPathIs400NotA500(String path, String query, String field) {
        raise(officer, "CHCJRISK01", 3, 5);

        HttpResponse<String> response = Services.get(base + path.replace("{id}", registerId) + "?" + query, auditor);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json(response).path("errors").findValuesAsString("field")).containsExactly(field);
        assertThat(response.body()).doesNotContain("Exception", "org.springframework");
    }

    @Test
    void theRegistersListPagesAndSortsLikeEveryOtherList() {
        for (String name : List.of("Adult services register", "Justice register", "Business support register")) {
            assertThat(Services.post(base + "/api/risk-registers", officer,
                    "{\"name\":\"" + name + "\",\"serviceArea\":\"Adult and Older People\"}").statusCode()).isEqualTo(201);
        }

        JsonNode first = json(Services.get(base + "/api/risk-registers?size=2&sort=name,asc", auditor));
        assertThat(first.path("total").asInt()).isEqualTo(4);
        assertThat(first.path("totalPages").asInt()).isEqualTo(2);
        assertThat(first.path("page").asInt()).isZero();
        assertThat(first.path("size").asInt()).isEqualTo(2);
        assertThat(names(first)).containsExactly("Adult services register", "Business support register");
        JsonNode second = json(Services.get(base + "/api/risk-registers?page=1&size=2&sort=name,asc", auditor));
        assertThat(names(second))
                .containsExactly("CHCJ Service Improvement Plan 2021/24", "Justice register");
        assertThat(json(Services.get(base + "/api/risk-registers?sort=name,desc", auditor)).path("items").get(0).path("name").asString())
                .isEqualTo("Justice register");
        assertThat(json(Services.get(base + "/api/risk-registers", auditor)).path("size").asInt()).as("default size").isEqualTo(20);

        for (String[] wrong : new String[][] {{"size=0", "size"}, {"size=201", "size"}, {"page=-1", "page"}, {"sort=colour", "sort"},
                {"size=many", "size"}}) {
            HttpResponse<String> refused = Services.get(base + "/api/risk-registers?" + wrong[0], auditor);
            assertThat(refused.statusCode()).as(wrong[0]).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(json(refused).path("errors").findValuesAsString("field")).as(wrong[0]).containsExactly(wrong[1]);
        }
    }

    @Test
    void aRiskAlwaysHasAServiceArea() {
        String organisationWide = json(Services.post(base + "/api/risk-registers", officer, "{\"name\":\"Corporate risk register\"}"))
                .path("id").asString();

        HttpResponse<String> noArea = Services.post(base + "/api/risks", officer, riskJson("CORP01", 3, 5).replace(registerId, organisationWide));
        assertThat(noArea.statusCode()).as(noArea.body()).isEqualTo(400);
        assertThat(json(noArea).path("errors").findValuesAsString("field")).containsExactly("serviceArea");
        assertThat(mongo().count(new Query(), RiskDocument.COLLECTION)).isZero();

        HttpResponse<String> named = Services.post(base + "/api/risks", officer, riskJson("CORP01", 3, 5).replace(registerId, organisationWide)
                .replace("\"category\"", "\"serviceArea\":\"Children and Justice\",\"category\""));
        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        assertThat(json(named).path("serviceArea").asString()).isEqualTo(CJ);
        assertThat(Services.post(base + "/api/risks", sarah, riskJson("CORP02", 3, 5).replace(registerId, organisationWide)
                .replace("\"category\"", "\"serviceArea\":\"Children and Justice\",\"category\"")).statusCode())
                .as("a manager may not raise risks in an organisation-wide register").isEqualTo(403);

        String id = json(named).path("id").asString();
        for (String blank : List.of("\"\"", "\"   \"")) {
            HttpResponse<String> emptied = Http.put(base + "/api/risks/" + id, officer, "\"0\"", "{\"serviceArea\":" + blank + "}");
            assertThat(emptied.statusCode()).as(emptied.body()).isEqualTo(400);
            assertThat(json(emptied).path("errors").findValuesAsString("field")).containsExactly("serviceArea");
        }
        assertThat(json(Services.get(base + "/api/risks/" + id, officer)).path("serviceArea").asString()).isEqualTo(CJ);
    }

    @Test
    void aRiskMovedToAnotherRegisterIsBandedByThatRegistersMatrixAndTheMoveIsRecorded() {
        String id = raise(officer, "CHCJRISK01", 3, 5).path("id").asString(); // 15: HIGH by default
        HttpResponse<String> strict = Services.post(base + "/api/risk-registers", officer, """
                {"name":"Justice register","serviceArea":"Children and Justice",
                 "banding":{"ranges":[{"band":"LOW","from":1,"to":4},{"band":"MEDIUM","from":5,"to":9},
                                      {"band":"HIGH","from":10,"to":12},{"band":"VERY_HIGH","from":15,"to":25}]},
                 "categories":[{"name":"Public protection","highestAcceptableBand":"VERY_HIGH"}]}""");
        assertThat(strict.statusCode()).as(strict.body()).isEqualTo(201);
        String strictId = json(strict).path("id").asString();

        HttpResponse<String> moved = Http.put(base + "/api/risks/" + id, sarah, "\"0\"", "{\"registerId\":\"" + strictId + "\"}");

        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        JsonNode risk = json(moved);
        assertThat(risk.path("registerId").asString()).isEqualTo(strictId);
        assertThat(risk.path("registerName").asString()).isEqualTo("Justice register");
        assertThat(risk.path("current").path("band").asString()).isEqualTo("VERY_HIGH");
        assertThat(risk.path("aboveAppetite").asBoolean()).isFalse();
        assertThat(risk.path("serviceArea").asString()).isEqualTo(CJ);
        JsonNode history = json(Services.get(base + "/api/risks/" + id + "/history", auditor));
        assertThat(history.get(history.size() - 1).path("detail").asString()).contains("register").contains("Justice register");

        HttpResponse<String> back = Http.put(base + "/api/risks/" + id, officer, "\"1\"", "{\"registerId\":\"" + registerId + "\"}");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(json(back).path("current").path("band").asString()).isEqualTo("HIGH");
        assertThat(raiseIn(strictId, "CHCJRISK01").path("registerId").asString()).isEqualTo(strictId);
        HttpResponse<String> sameCode = Http.put(base + "/api/risks/" + id, officer, "\"2\"", "{\"registerId\":\"" + strictId + "\"}");
        assertThat(sameCode.statusCode()).as(sameCode.body()).isEqualTo(400);
        assertThat(json(sameCode).path("errors").findValuesAsString("field")).containsExactly("registerId");
        HttpResponse<String> nowhere = Http.put(base + "/api/risks/" + id, officer, "\"2\"", "{\"registerId\":\"nope\"}");
        assertThat(nowhere.statusCode()).isEqualTo(400);
        assertThat(json(nowhere).path("errors").findValuesAsString("field")).containsExactly("registerId");
        String workforceOnly = json(Services.post(base + "/api/risk-registers", officer,
                "{\"name\":\"Workforce register\",\"serviceArea\":\"Children and Justice\",\"categories\":[{\"name\":\"Workforce\",\"highestAcceptableBand\":\"HIGH\"}]}"))
                .path("id").asString();
        HttpResponse<String> noCategory = Http.put(base + "/api/risks/" + id, officer, "\"2\"", "{\"registerId\":\"" + workforceOnly + "\"}");
        assertThat(noCategory.statusCode()).isEqualTo(400);
        assertThat(json(noCategory).path("errors").findValuesAsString("field")).containsExactly("category");
        assertThat(json(Services.get(base + "/api/risks/" + id, officer)).path("registerId").asString()).isEqualTo(registerId);
    }

    @Test
    void aManagerMayNotRaiseARiskInAnotherAreasRegisterNorAnOwnerMoveTheirRiskToAnotherArea() {
        String adults = json(Services.post(base + "/api/risk-registers", officer,
                "{\"name\":\"Adult services register\",\"serviceArea\":\"Adult and Older People\"}")).path("id").asString();
        HttpResponse<String> elsewhere = Services.post(base + "/api/risks", sarah, riskJson("AOPRISK01", 3, 5).replace(registerId, adults)
                .replace("jamie.lead", "sarah.manager"));
        assertThat(elsewhere.statusCode()).as("a manager in another area's register, even as its owner").isEqualTo(403);
        assertThat(Services.post(base + "/api/risks", david, riskJson("AOPRISK01", 3, 5)
                .replace("\"category\"", "\"serviceArea\":\"Adult and Older People\",\"category\"")).statusCode())
                .as("a manager of the risk's area in another area's register").isEqualTo(403);
        assertThat(mongo().count(new Query(), RiskDocument.COLLECTION)).isZero();

        String id = raise(jamie, "CHCJRISK01", 3, 5).path("id").asString();
        assertThat(Http.put(base + "/api/risks/" + id, jamie, "\"0\"", "{\"serviceArea\":\"Adult and Older People\"}").statusCode())
                .as("the owner moving her risk to another area").isEqualTo(403);
        assertThat(Http.put(base + "/api/risks/" + id, jamie, "\"0\"", "{\"registerId\":\"" + adults + "\"}").statusCode())
                .as("the owner moving her risk into another area's register").isEqualTo(403);
        assertThat(Http.put(base + "/api/risks/" + id, sarah, "\"0\"", "{\"serviceArea\":\"Adult and Older People\"}").statusCode())
                .as("the manager moving a risk out of her area").isEqualTo(403);
        assertThat(Http.put(base + "/api/risks/" + id, david, "\"0\"", "{\"serviceArea\":\"Adult and Older People\"}").statusCode())
                .as("the other area's manager taking it").isEqualTo(403);
        JsonNode unchanged = json(Services.get(base + "/api/risks/" + id, officer));
        assertThat(unchanged.path("version").asLong()).isZero();
        assertThat(unchanged.path("serviceArea").asString()).isEqualTo(CJ);

        HttpResponse<String> byOfficer = Http.put(base + "/api/risks/" + id, officer, "\"0\"",
                "{\"serviceArea\":\"Adult and Older People\",\"registerId\":\"" + adults + "\"}");
        assertThat(byOfficer.statusCode()).as(byOfficer.body()).isEqualTo(200);
        assertThat(json(byOfficer).path("serviceArea").asString()).isEqualTo("Adult and Older People");
        assertThat(Http.post(base + "/api/risks/" + id + "/reviews", jamie, "\"1\"", "{\"justification\":\"still mine\"}").statusCode())
                .as("the owner still reviews her own risk where it now is").isEqualTo(200);
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new java.util.ArrayList<>();
        page.path("items").forEach(r -> names.add(r.path("name").asString()));
        return names;
    }

    private JsonNode raiseIn(String register, String code) {
        HttpResponse<String> response = Services.post(base + "/api/risks", officer, riskJson(code, 2, 2).replace(registerId, register));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static MongoTemplate mongo() {
        return service.mongo();
    }
}
