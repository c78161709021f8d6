package org.waypoint.indicator.indicator.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.indicator.Http;
import org.waypoint.indicator.IndicatorServiceApplication;
import org.waypoint.indicator.indicator.persistence.IndicatorDocument;
import org.waypoint.indicator.indicator.persistence.StatusIndex;
import org.waypoint.platform.validation.Text;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The indicators API over real HTTP, with signed tokens and the MongoDB-compatible server. */
class IndicatorApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String CJ = "Children and Justice";

    /** Seed 001's 4.6, owned by Jamie. */
    static String caseConferences(String code) {
        return """
                {"code":"%s","name":"Percentage of Case Conferences convened within target timescale",
                 "unit":"percentage","polarity":"higher is better","frequency":"quarterly",
                 "baseline":{"value":"90%%","period":"2019/20"},"targets":{"2021/22":"95%%"},
                 "owner":{"name":"Jamie Wilson","username":"jamie.lead","email":"jamie.wilson@waypoint.example"},
                 "serviceArea":"Children and Justice","theme":"process","outcomeLinks":["C6.6"],
                 "benchmark":{"source":"National Standard","value":"95%%"}}""".formatted(code);
    }

    static InMemoryMongo mongo;
    static TestKeycloak keycloak;
    static ConfigurableApplicationContext app;
    static String base;
    static String officer;
    static String jamie;
    static String morag;
    static String sarah;
    static String david;
    static String auditor;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        keycloak = TestKeycloak.start();
        app = Services.start(IndicatorServiceApplication.class, IndicatorServiceApplication.CONFIG_NAME,
                WebApplicationType.SERVLET, Map.of(
                        "spring.mongodb.uri", mongo.uri("indicators-api-test"),
                        "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                        "waypoint.keycloak.url", keycloak.url(),
                        "waypoint.outbox.relay.enabled", "false",
                        "waypoint.scheduling.enabled", "false",
                        "spring.kafka.admin.auto-create", "false"));
        base = Services.url(app) + "/api/indicators";
        officer = keycloak.token("priya.officer", "priya.shah@waypoint.example", List.of(CJ, "Adult and Older People"),
                "performance-officer", "staff");
        jamie = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", List.of(CJ), "staff");
        morag = keycloak.token("morag.lead", "morag.clark@waypoint.example", List.of("Adult and Older People"), "staff");
        sarah = keycloak.token("sarah.manager", "sarah.campbell@waypoint.example", List.of(CJ), "manager", "staff");
        david = keycloak.token("david.manager", "david.brown@waypoint.example", List.of("Adult and Older People"), "manager", "staff");
        auditor = keycloak.token("alex.auditor", "alex.reid@waypoint.example", "auditor");
    }

    @AfterAll
    static void stop() {
        app.close();
        keycloak.close();
        mongo.close();
    }

    @BeforeEach
    void empty() {
        mongo().remove(new Query(), IndicatorDocument.COLLECTION);
        app.getBean(StatusIndex.class).rebuild();
    }

    static MongoTemplate mongo() {
        return app.getBean(MongoTemplate.class);
    }

    static long stored() {
        return mongo().count(new Query(), IndicatorDocument.COLLECTION);
    }

    static List<String> outboxTypes() {
        return mongo().findAll(Document.class, IndicatorDocument.COLLECTION).stream()
                .flatMap(d -> d.getList("outbox", Document.class).stream()).map(m -> m.getString("type")).toList();
    }

    static JsonNode define(String json) {
        HttpResponse<String> created = Http.post(base, officer, json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    /** The indicator's current ETag, as a client reads it before recording. */
    static String etag(String id) {
        HttpResponse<String> read = Http.get(base + "/" + id, auditor);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        return read.headers().firstValue("ETag").orElseThrow();
    }

    /** Records a measurement with the indicator's current ETag as If-Match. */
    static HttpResponse<String> record(String id, String token, String period, String value, String commentary) {
        return record(id, token, period, value, commentary, etag(id));
    }

    static HttpResponse<String> record(String id, String token, String period, String value, String commentary, String ifMatch) {
        String body = "{\"period\":\"%s\",\"value\":%s,\"commentary\":%s}".formatted(period,
                value == null ? "null" : "\"" + value + "\"", commentary == null ? "null" : "\"" + commentary + "\"");
        return Http.post(base + "/" + id + "/measurements", token, body, ifMatch);
    }

    @Test
    void anOfficerDefinesAnIndicatorAndReadsItBackWithItsETag() {
        HttpResponse<String> created = Http.post(base, officer, caseConferences("4.6"));

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("polarity").asString()).isEqualTo("HIGHER_IS_BETTER");
        assertThat(body.path("targets").get(0).path("year").asString()).isEqualTo("2021/22");
        assertThat(body.path("tolerance").path("organisationDefault").asBoolean()).isTrue();
        assertThat(body.path("current").path("status").asString()).isEqualTo("GREY");
        assertThat(body.path("current").path("reason").asString()).isEqualTo("NO_DATA");

        HttpResponse<String> read = Http.get(Services.url(app) + created.headers().firstValue("Location").orElseThrow(), auditor);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).path("benchmark").path("source").asString()).isEqualTo("National Standard");
        assertThat(outboxTypes()).containsExactly("org.waypoint.indicator.IndicatorDefined.v1");
    }

    @Test
    void aRedValueWithoutCommentaryIsFlaggedAndItsStatusChangeIsSavedWithIt() {
        String id = define(caseConferences("4.6")).path("id").asString();

        HttpResponse<String> recorded = record(id, jamie, "2021/22 Q3", "0%", null);

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        JsonNode current = JSON.readTree(recorded.body()).path("current");
        assertThat(current.path("status").asString()).isEqualTo("RED");
        assertThat(current.path("statusLabel").asString()).isEqualTo("Major concerns");
        assertThat(current.path("needsRemedialCommentary").asBoolean()).isTrue();
        assertThat(outboxTypes()).containsExactly("org.waypoint.indicator.IndicatorDefined.v1",
                "org.waypoint.indicator.MeasurementRecorded.v1", "org.waypoint.indicator.IndicatorStatusChanged.v1");

        JsonNode exceptions = JSON.readTree(Http.get(base + "/exceptions", auditor).body());
        assertThat(exceptions.path("total").asInt()).isEqualTo(1);
        assertThat(exceptions.path("items").get(0).path("asAt").path("needsRemedialCommentary").asBoolean()).isTrue();
    }

    @Test
    void revisingAMeasurementNeedsIfMatchAndKeepsTheHistory() {
        String id = define(caseConferences("4.6")).path("id").asString();
        HttpResponse<String> first = record(id, jamie, "2021/22 Q3", "0%", null);
        String etag = first.headers().firstValue("ETag").orElseThrow();

        assertThat(record(id, jamie, "2021/22 Q3", "0%", "Chair on sick leave", null).statusCode()).isEqualTo(428);
        assertThat(record(id, jamie, "2021/22 Q3", "0%", "Chair on sick leave", "\"0\"").statusCode()).isEqualTo(412);
        HttpResponse<String> revised = record(id, jamie, "2021/22 Q3", "0%", "Chair on sick leave", etag);

        assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
        JsonNode current = JSON.readTree(revised.body()).path("current");
        assertThat(current.path("revision").asInt()).isEqualTo(2);
        assertThat(current.path("needsRemedialCommentary").asBoolean()).isFalse();
        JsonNode history = JSON.readTree(Http.get(base + "/" + id + "/history", auditor).body());
        assertThat(history.findValuesAsString("what")).containsExactly("DEFINED", "MEASUREMENT_RECORDED", "MEASUREMENT_REVISED");
        assertThat(history.get(2).path("before").asString()).isEqualTo("value 0%");
        assertThat(history.get(2).path("by").asString()).isEqualTo("jamie.lead");
    }

    @Test
    void changingADefinitionNeedsTheCurrentETag() {
        JsonNode indicator = define(caseConferences("4.6"));
        String id = indicator.path("id").asString();
        String changed = caseConferences("4.6").replace("\"95%\"}", "\"90%\"}");

        assertThat(Http.put(base + "/" + id, officer, changed, null).statusCode()).isEqualTo(428);
        assertThat(Http.put(base + "/" + id, officer, changed, "\"7\"").statusCode()).isEqualTo(412);
        HttpResponse<String> ok = Http.put(base + "/" + id, officer, changed, "\"0\"");

        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(ok.headers().firstValue("ETag")).contains("\"1\"");
        assertThat(JSON.readTree(ok.body()).path("targets").get(0).path("asWritten").asString()).isEqualTo("90%");
        JsonNode history = JSON.readTree(Http.get(base + "/" + id + "/history", auditor).body());
        assertThat(history.get(1).path("fields").get(0).asString()).isEqualTo("targets");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown unit          | \"unit\":\"percentage\"           | \"unit\":\"furlongs\"                        | unit",
            "negative tolerance    | \"theme\":\"process\"             | \"theme\":\"process\",\"tolerance\":{\"kind\":\"absolute\",\"amount\":-1} | tolerance.amount",
            "unknown target year   | \"targets\":{\"2021/22\"         | \"targets\":{\"sometime\"                    | targets.sometime",
            "target of other unit  | \"targets\":{\"2021/22\":\"95%\"} | \"targets\":{\"2021/22\":\"£95\"}             | targets.2021/22",
            "baseline of other unit| \"value\":\"90%\"                 | \"value\":\"70/30\"                          | baseline",
            "bad baseline period   | \"period\":\"2019/20\"            | \"period\":\"before covid\"                  | baselinePeriod",
            "unknown field         | \"theme\":\"process\"             | \"theme\":\"process\",\"colour\":\"red\"      | colour",
            "blank name            | \"name\":\"Percentage            | \"name\":\" \",\"description\":\"Percentage | name",
            "unknown polarity      | higher is better                 | bigger is better                            | polarity",
            "name as a number      | \"name\":\"Percentage of Case Conferences convened within target timescale\" | \"name\":123 | name",
            "CR LF in the name     | \"name\":\"Percentage         | \"name\":\"Percentage\\r\\nBcc: x@evil.example | name",
            "tab in the code       | \"code\":\"4.6\"               | \"code\":\"4\\t6\"                         | code",
            "bell in the description| \"theme\":\"process\"           | \"theme\":\"process\",\"description\":\"ding\\u0007\" | description",
            "LF in the service area| \"serviceArea\":\"Children and Justice\" | \"serviceArea\":\"Children\\nand Justice\" | serviceArea",
            "LF in the owner name  | \"name\":\"Jamie Wilson\"      | \"name\":\"Jamie\\nWilson\"                | owner.name",
            "LF in the unit        | \"unit\":\"percentage\"           | \"unit\":\"percen\\ntage\"                 | unit",
            "LF in an outcome link | \"C6.6\"                        | \"C6\\n.6\"                                 | outcomeLinks[0]",
            "LF in the benchmark   | \"National Standard\"           | \"National\\nStandard\"                     | benchmark.source",
            "no service area       | \"serviceArea\":\"Children and Justice\", | ''                                  | serviceArea",
            "tolerance of 1e309    | \"theme\":\"process\"             | \"theme\":\"process\",\"tolerance\":{\"kind\":\"absolute\",\"amount\":1e309} | tolerance.amount",
            "tolerance of NaN      | \"theme\":\"process\"             | \"theme\":\"process\",\"tolerance\":{\"kind\":\"absolute\",\"amount\":\"NaN\"} | tolerance.amount",
            "tolerance of Infinity | \"theme\":\"process\"             | \"theme\":\"process\",\"tolerance\":{\"kind\":\"absolute\",\"amount\":\"Infinity\"} | tolerance.amount",
            "tolerance too fine    | \"theme\":\"process\"             | \"theme\":\"process\",\"tolerance\":{\"kind\":\"absolute\",\"amount\":0.00000001} | tolerance.amount",
            "target of 1e309       | \"targets\":{\"2021/22\":\"95%\"} | \"targets\":{\"2021/22\":\"1e309\"}           | targets.2021/22",
            "target of NaN         | \"targets\":{\"2021/22\":\"95%\"} | \"targets\":{\"2021/22\":\"NaN\"}             | targets.2021/22",
            "baseline of 1e309     | \"value\":\"90%\"                 | \"value\":\"1e309\"                          | baseline",
            "baseline of Infinity  | \"value\":\"90%\"                 | \"value\":\"Infinity\"                       | baseline"})
    void badDefinitionsGetAProblemNamingTheFieldAndStoreNothing(String why, String from, String to, String field) {
        HttpResponse<String> response = Http.post(base, officer, caseConferences("4.6").replace(from, to));

        assertThat(response.statusCode()).as(why + ": " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsString("field")).as(why).contains(field);
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(stored()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "unknown period format | Sometime 2021 | 50%   | -     | period",
            "month of a quarterly  | January 2022  | 50%   | -     | period",
            "value of another unit | 2021/22 Q3    | £5    | -     | value",
            "percentage over 100   | 2021/22 Q3    | 120%  | -     | value",
            "neither value nor date| 2021/22 Q3    | -     | -     | value",
            "oversized commentary  | 2021/22 Q3    | 50%   | LONG  | commentary",
            "a period far ahead    | 2099/00       | 50%   | -     | period",
            "not a financial year  | 2021/23       | 50%   | -     | period",
            "no such quarter       | 2021/22 Q5    | 50%   | -     | period",
            "value of 1e309        | 2021/22 Q3    | 1e309 | -     | value",
            "value of NaN          | 2021/22 Q3    | NaN   | -     | value",
            "value of Infinity     | 2021/22 Q3    | Infinity | -  | value",
            "CR LF in the value    | 2021/22 Q3    | 50%\\r\\n5 | - | value",
            "bell in commentary    | 2021/22 Q3    | 50%   | ding\\u0007 | commentary",
            "LF in the period      | 2021/22\\nQ3  | 50%   | -     | period"})
    void badMeasurementsGetAProblemNamingTheFieldAndStoreNothing(String why, String period, String value, String commentary,
                                                                  String field) {
        String id = define(caseConferences("4.6")).path("id").asString();
        String text = "LONG".equals(commentary) ? "x".repeat(4001) : commentary;

        HttpResponse<String> response = record(id, jamie, period, value, text);

        assertThat(response.statusCode()).as(why + ": " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsString("field")).as(why).contains(field);
        Document doc = mongo().findAll(Document.class, IndicatorDocument.COLLECTION).getFirst();
        assertThat(doc.getList("measurements", Document.class)).isEmpty();
        assertThat(doc.getLong("version")).isZero();
        assertThat(outboxTypes()).containsExactly("org.waypoint.indicator.IndicatorDefined.v1");
    }

    @Test
    void aValueNotYetAvailableIsRecordedWithItsExpectedDateAndIsGrey() {
        String id = define(caseConferences("4.6")).path("id").asString();
        HttpResponse<String> response = Http.post(base + "/" + id + "/measurements", jamie,
                "{\"period\":\"2021/22 Q3\",\"expectedOn\":\"2022-01-31\",\"commentary\":\"Data available in January 2022\"}",
                etag(id));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode current = JSON.readTree(response.body()).path("current");
        assertThat(current.path("status").asString()).isEqualTo("GREY");
        assertThat(current.path("expectedOn").asString()).isEqualTo("2022-01-31");
    }

    @Test
    void aQuarterOfNextYearHasNotBegunAndIsRefusedNamingThePeriodWhileTheCurrentOneIsRecorded() {
        String id = define(caseConferences("4.6")).path("id").asString();
        org.waypoint.indicator.indicator.domain.Period now = org.waypoint.indicator.indicator.domain.Period.containing(
                org.waypoint.indicator.indicator.domain.Period.Kind.QUARTER, java.time.LocalDate.now());
        String nextYear = org.waypoint.indicator.indicator.domain.Period.quarter(now.financialYear() + 1, 1).label();

        HttpResponse<String> refused = record(id, jamie, nextYear, "50%", null);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("errors").findValuesAsString("field")).containsExactly("period");
        assertThat(refused.body()).contains("has not begun");
        assertThat(record(id, jamie, now.label(), "50%", "so far this quarter").statusCode()).as("the current quarter").isEqualTo(200);
    }

    @Test
    void aCountBeyondAMillionMillionIsRefusedNamingTheValue() {
        String id = define(caseConferences("4.6").replace("\"unit\":\"percentage\"", "\"unit\":\"count\"")
                .replace("90%", "90").replace("95%", "95")).path("id").asString();

        HttpResponse<String> huge = record(id, jamie, "2021/22 Q3", "1000000000001", null);
        HttpResponse<String> digits = record(id, jamie, "2021/22 Q3", "9".repeat(59), null);

        assertThat(huge.statusCode()).as(huge.body()).isEqualTo(400);
        assertThat(huge.body()).contains("\"field\":\"value\"");
        assertThat(digits.statusCode()).as(digits.body()).isEqualTo(400);
        assertThat(record(id, jamie, "2021/22 Q3", "1000000000000", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aFirstMeasurementWithoutIfMatchIs428AndWithAStaleOneIs412AndNeitherStoresAnything() {
        String id = define(caseConferences("4.6")).path("id").asString();

        HttpResponse<String> missing = record(id, jamie, "2021/22 Q3", "96%", null, null);
        HttpResponse<String> stale = record(id, jamie, "2021/22 Q3", "96%", null, "\"3\"");

        assertThat(missing.statusCode()).isEqualTo(428);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(stale.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(mongo().findAll(Document.class, IndicatorDocument.COLLECTION).getFirst().getList("measurements", Document.class))
                .isEmpty();
        assertThat(record(id, jamie, "2021/22 Q3", "96%", null, "\"0\"").statusCode()).isEqualTo(200);
    }

    @Test
    void aManagerMayNotMoveTheirIndicatorToAnotherAreaNorDefineOneThere() {
        String id = define(caseConferences("4.6")).path("id").asString();
        String moved = caseConferences("4.6").replace(CJ, "Adult and Older People");

        HttpResponse<String> move = Http.put(base + "/" + id, sarah, moved, "\"0\"");
        HttpResponse<String> elsewhere = Http.post(base, sarah, caseConferences("4.9").replace(CJ, "Adult and Older People"));
        HttpResponse<String> intoTheirs = Http.put(base + "/" + id, david, moved, "\"0\"");

        assertThat(move.statusCode()).as("out of the area: " + move.body()).isEqualTo(403);
        assertThat(elsewhere.statusCode()).as("in another area").isEqualTo(403);
        assertThat(intoTheirs.statusCode()).as("the other area's manager taking it").isEqualTo(403);
        assertThat(JSON.readTree(Http.get(base + "/" + id, auditor).body()).path("serviceArea").asString()).isEqualTo(CJ);
        assertThat(stored()).isEqualTo(1);
        assertThat(Http.put(base + "/" + id, officer, moved, "\"0\"").statusCode()).as("an officer").isEqualTo(200);
    }

    @Test
    void theScorecardFiltersPagesAndSummarisesWithPercentagesAddingTo100() {
        String a = define(caseConferences("4.6")).path("id").asString();
        String b = define(caseConferences("4.7")).path("id").asString();
        String c = define(caseConferences("4.8")).path("id").asString();
        define(caseConferences("5.1").replace(CJ, "Adult and Older People"));
        record(a, officer, "2021/22 Q3", "96%", null);
        record(b, officer, "2021/22 Q2", "91%", null);
        record(b, officer, "2021/22 Q3", "92%", null);
        record(c, officer, "2021/22 Q3", "10%", "Remedial action agreed");

        JsonNode summary = JSON.readTree(Http.get(base + "/summary?serviceArea=" + Http.query(CJ), auditor).body());
        assertThat(summary.path("total").asInt()).isEqualTo(3);
        assertThat(summary.path("statuses").findValuesAsString("status")).containsExactly("GREEN", "AMBER", "RED", "GREY");
        assertThat(summary.path("statuses").findValues("percent").stream().map(JsonNode::asInt).toList())
                .containsExactly(34, 33, 33, 0);
        assertThat(summary.path("redWithoutCommentary").asInt()).isZero();

        JsonNode asAtQ2 = JSON.readTree(Http.get(base + "/summary?period=" + Http.query("2021/22 Q2"), auditor).body());
        assertThat(asAtQ2.path("statuses").findValues("count").stream().map(JsonNode::asInt).toList())
                .as("as at Q2 only 4.7 has a value (amber); the rest have no data").containsExactly(0, 1, 0, 3);

        JsonNode amber = JSON.readTree(Http.get(base + "?status=amber", auditor).body());
        assertThat(amber.path("items").findValuesAsString("code")).containsExactly("4.7");
        assertThat(amber.path("items").get(0).path("asAt").path("trend").asString()).isEqualTo("IMPROVING");

        JsonNode page = JSON.readTree(Http.get(base + "?size=2&page=1&sort=code,asc", auditor).body());
        assertThat(page.path("total").asInt()).isEqualTo(4);
        assertThat(page.path("totalPages").asInt()).isEqualTo(2);
        assertThat(page.path("items").findValuesAsString("code")).containsExactly("4.8", "5.1");

        JsonNode byOwner = JSON.readTree(Http.get(base + "?owner=jamie.lead&theme=PROCESS&q=conferences", auditor).body());
        assertThat(byOwner.path("total").asInt()).isEqualTo(4);

        JsonNode none = JSON.readTree(Http.get(base + "/summary?serviceArea=Nowhere", auditor).body());
        assertThat(none.path("total").asInt()).isZero();
        assertThat(none.path("message").asString()).contains("No indicators");
    }

    @Test
    void theScorecardSortsByStatusOrCodeInNaturalOrderAndFiltersStatusAsAtThePeriod() {
        String a = define(caseConferences("4.6")).path("id").asString();
        String b = define(caseConferences("4.10")).path("id").asString();
        String c = define(caseConferences("4.8")).path("id").asString();
        define(caseConferences("5.1"));
        record(a, officer, "2021/22 Q3", "96%", null);
        record(b, officer, "2021/22 Q2", "91%", null);
        record(b, officer, "2021/22 Q3", "92%", null);
        record(c, officer, "2021/22 Q3", "10%", "Remedial action agreed");

        assertThat(JSON.readTree(Http.get(base + "?sort=status,asc", auditor).body()).path("items").findValuesAsString("code"))
                .containsExactly("4.6", "4.10", "4.8", "5.1"); // green, amber, red, no data
        assertThat(JSON.readTree(Http.get(base + "?sort=code,desc", auditor).body()).path("items").findValuesAsString("code"))
                .containsExactly("5.1", "4.10", "4.8", "4.6");
        JsonNode greyAtQ2 = JSON.readTree(Http.get(base + "?status=grey&period=" + Http.query("2021/22 Q2"), auditor).body());
        assertThat(greyAtQ2.path("items").findValuesAsString("code")).containsExactly("4.6", "4.8", "5.1");
        assertThat(greyAtQ2.path("total").asInt()).isEqualTo(3);
        JsonNode lastPage = JSON.readTree(Http.get(base + "?sort=code,asc&size=3&page=1", auditor).body());
        assertThat(lastPage.path("items").findValuesAsString("code")).containsExactly("5.1");
        assertThat(lastPage.path("items").get(0).path("name").asString()).isNotBlank();
        assertThat(JSON.readTree(Http.get(base + "?page=5", auditor).body()).path("items")).isEmpty();
    }

    @Test
    void badFiltersNameTheParameter() {
        HttpResponse<String> badPeriod = Http.get(base + "/summary?period=" + Http.query("the olden days"), auditor);
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("\"field\":\"period\"");
        assertThat(Http.get(base + "?status=purple", auditor).body()).contains("\"field\":\"status\"");
        assertThat(Http.get(base + "?size=1000", auditor).body()).contains("\"field\":\"size\"");
        assertThat(Http.get(base + "/exceptions?theme=leisure", auditor).body()).contains("\"field\":\"theme\"");
        assertThat(Http.get(Services.url(app) + "/api/measurements?status=purple", auditor).body()).contains("\"field\":\"status\"");
        HttpResponse<String> operator = Http.get(base + "?" + Http.query("owner[$ne]") + "=x", auditor);
        assertThat(operator.statusCode()).as("a filter named with an operator is no filter").isEqualTo(400);
        assertThat(operator.body()).contains("\"field\":\"owner[$ne]\"");
    }

    @Test
    void ownersRecordTheirOwnManagersTheirAreaOfficersEverything() {
        String id = define(caseConferences("4.6")).path("id").asString();

        assertThat(record(id, jamie, "2021/22 Q1", "96%", null).statusCode()).as("the owner").isEqualTo(200);
        assertThat(record(id, morag, "2021/22 Q2", "96%", null).statusCode()).as("other staff").isEqualTo(403);
        assertThat(record(id, david, "2021/22 Q2", "96%", null).statusCode()).as("manager of another area").isEqualTo(403);
        assertThat(record(id, sarah, "2021/22 Q2", "96%", null).statusCode()).as("manager of the area").isEqualTo(200);
        assertThat(record(id, auditor, "2021/22 Q3", "96%", null).statusCode()).as("auditor").isEqualTo(403);
        assertThat(record(id, officer, "2021/22 Q3", "96%", null).statusCode()).as("officer").isEqualTo(200);

        assertThat(Http.post(base, jamie, caseConferences("4.9")).statusCode()).as("staff define").isEqualTo(403);
        assertThat(Http.post(base, david, caseConferences("4.9")).statusCode()).as("manager of another area").isEqualTo(403);
        assertThat(Http.post(base, sarah, caseConferences("4.9")).statusCode()).as("manager of the area").isEqualTo(201);
        assertThat(Http.post(base, auditor, caseConferences("5.0")).statusCode()).isEqualTo(403);
        assertThat(Http.post(base, null, caseConferences("5.0")).statusCode()).isEqualTo(401);
        assertThat(stored()).isEqualTo(2);
    }

    @Test
    void aDuplicateCodeIsRefusedNamingTheCode() {
        define(caseConferences("4.6"));
        HttpResponse<String> again = Http.post(base, officer, caseConferences("4.6"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("\"field\":\"code\"");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() {
        HttpResponse<String> docs = Http.get(Services.url(app) + "/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = JSON.readTree(docs.body()).path("paths");
        assertThat(paths.has("/api/indicators/summary")).isTrue();
        assertThat(paths.has("/api/indicators/{id}/measurements")).isTrue();
        assertThat(paths.has("/api/measurements/import")).isTrue();
        JsonNode ifMatch = null;
        for (JsonNode parameter : paths.path("/api/indicators/{id}/measurements").path("post").path("parameters")) {
            if (parameter.path("name").asString().equals("If-Match")) {
                ifMatch = parameter;
            }
        }
        assertThat(ifMatch).as("recording a measurement documents If-Match").isNotNull();
        assertThat(ifMatch.path("required").asBoolean()).isTrue();
        assertThat(paths.path("/api/measurements/import").path("post").path("responses").has("400")).isTrue();
    }

    @Test
    void onlyOfficersReassessEveryIndicator() {
        String id = define(caseConferences("4.6")).path("id").asString();
        record(id, officer, "2021/22 Q3", "96%", null);

        assertThat(Http.post(base + "/reassess", sarah, "").statusCode()).isEqualTo(403);
        HttpResponse<String> response = Http.post(base + "/reassess", officer, "");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("reassessed").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownIndicatorIs404() {
        HttpResponse<String> response = Http.get(base + "/nope", auditor);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    // ---- import and export ----

    static final String SEED_003_TABLE = """
            Code,Measure,Baseline,Annual Target,Links,Service,Owner Username
            SL-2,95% of clients are first seen within two working days of a DTTO commencing,95%,95%,C6.6,Children and Justice,jamie.lead
            SL-16,Monitor the ratio of planned/unplanned referrals received,70/30,70/30,C2.1,Adult and Older People,morag.lead
            SL-21,Report on the number of new clients supported by the Money Matters Advice Service,"2,500","2,500",,Performance and Support,
            """;

    /** Seed 003's table with a bad row (a baseline in pounds, a target in percent) as its fourth line. */
    static final String SEED_003_WITH_A_BAD_ROW = SEED_003_TABLE.replace("SL-21,",
            "SL-99,A measure with a baseline in pounds and a target in percent,£5,95%,,Children and Justice,\nSL-21,");

    static JsonNode refusedImport(String path, String token, String csv, int status) {
        HttpResponse<String> response = Http.postCsv(Services.url(app) + path, token, csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return JSON.readTree(response.body());
    }

    static JsonNode importCsv(String path, String token, String csv) {
        HttpResponse<String> response = Http.postCsv(Services.url(app) + path, token, csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void aSeed003TableWithABadRowIsRefusedWholeNamingTheRowAndStoresNothing() {
        JsonNode problem = refusedImport("/api/indicators/import?targetYear=2021/22", officer, SEED_003_WITH_A_BAD_ROW, 400);

        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("rows[4].targets.2021/22");
        JsonNode report = problem.path("report");
        assertThat(report.path("stored").asBoolean()).isFalse();
        assertThat(report.path("created").asInt()).as("the rows that would have been created").isEqualTo(3);
        assertThat(report.path("rejected").asInt()).isEqualTo(1);
        JsonNode bad = report.path("rows").get(2);
        assertThat(bad.path("row").asInt()).isEqualTo(4);
        assertThat(bad.path("code").asString()).isEqualTo("SL-99");
        assertThat(bad.path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(stored()).isZero();
        assertThat(outboxTypes()).isEmpty();
    }

    @Test
    void aSeed003TableImportsEveryRowAndImportingItAgainChangesNothing() {
        JsonNode report = importCsv("/api/indicators/import?targetYear=2021/22", officer, SEED_003_TABLE);

        assertThat(report.path("created").asInt()).isEqualTo(3);
        assertThat(report.path("stored").asBoolean()).isTrue();
        assertThat(stored()).isEqualTo(3);

        JsonNode ratio = JSON.readTree(Http.get(base + "?q=SL-16", auditor).body()).path("items").get(0);
        assertThat(ratio.path("unit").asString()).isEqualTo("RATIO");

        JsonNode again = importCsv("/api/indicators/import?targetYear=2021/22", officer, SEED_003_TABLE);
        assertThat(again.path("unchanged").asInt()).isEqualTo(3);
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void aDryRunChecksEveryRowAndStoresNothing() {
        JsonNode report = importCsv("/api/indicators/import?dryRun=true&targetYear=2021/22", officer, SEED_003_TABLE);

        assertThat(report.path("dryRun").asBoolean()).isTrue();
        assertThat(report.path("stored").asBoolean()).isFalse();
        assertThat(report.path("created").asInt()).isEqualTo(3);
        assertThat(stored()).isZero();

        JsonNode bad = refusedImport("/api/indicators/import?dryRun=true&targetYear=2021/22", officer, SEED_003_WITH_A_BAD_ROW, 400);
        assertThat(bad.path("report").path("dryRun").asBoolean()).isTrue();
        assertThat(bad.path("errors").findValuesAsString("field")).containsExactly("rows[4].targets.2021/22");
        assertThat(stored()).isZero();
    }

    @Test
    void theSameCodeTwiceInADefinitionsFileIsRefusedNamingTheLaterRow() {
        JsonNode problem = refusedImport("/api/indicators/import?targetYear=2021/22", officer,
                SEED_003_TABLE + "SL-2,The same code again,95%,95%,,Children and Justice,jamie.lead\n", 400);

        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("rows[5].code");
        assertThat(stored()).isZero();
    }

    @Test
    void aWindows1252CsvIsStoredAsTyped() {
        byte[] csv = ("code,name,unit,polarity,frequency,serviceArea\n"
                + "W-1,Advice worth café £100 a week,money,higher is better,annual,Children and Justice\n")
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));

        HttpResponse<String> response = Http.postBytes(base + "/import", officer, "text/csv", csv);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(Http.get(base + "?q=W-1", auditor).body()).path("items").get(0).path("name").asString())
                .isEqualTo("Advice worth café £100 a week");
    }

    @Test
    void aControlCharacterInAnImportedNameRefusesTheFileNamingTheRowAndField() {
        JsonNode problem = refusedImport("/api/indicators/import?targetYear=2021/22", officer,
                "code,name,unit,polarity,frequency,serviceArea\nC-1,\"Split\r\nBcc: x@evil.example\",count,higher is better,annual,"
                        + CJ + "\n", 400);

        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("rows[2].name");
        assertThat(stored()).isZero();
    }

    @Test
    void aManagersImportWithARowOfAnotherAreaIsRefusedWholeAs403AndStoresNothing() {
        JsonNode problem = refusedImport("/api/indicators/import?targetYear=2021/22", sarah, SEED_003_TABLE, 403);

        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("rows[3].serviceArea", "rows[4].serviceArea");
        assertThat(problem.path("report").path("rows").get(0).path("outcome").asString()).isEqualTo("CREATED");
        assertThat(stored()).isZero();

        String id = define(caseConferences("4.6")).path("id").asString();
        JsonNode move = refusedImport("/api/indicators/import", sarah, """
                code,name,unit,polarity,frequency,serviceArea
                4.6,Percentage of Case Conferences convened within target timescale,percentage,higher is better,quarterly,Adult and Older People
                """, 403);
        assertThat(move.path("errors").findValuesAsString("field")).containsExactly("rows[2].serviceArea");
        assertThat(JSON.readTree(Http.get(base + "/" + id, auditor).body()).path("serviceArea").asString()).isEqualTo(CJ);
    }

    @Test
    void aFileUploadImportsLikeACsvBody() throws Exception {
        String boundary = "----waypoint";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"measures.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + SEED_003_TABLE + "\r\n--" + boundary + "--\r\n";
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/import?targetYear=2021/22")).header("Authorization", "Bearer " + officer)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("created").asInt()).isEqualTo(3);
        assertThat(stored()).isEqualTo(3);
    }

    @Test
    void staffCannotImportDefinitions() {
        JsonNode problem = refusedImport("/api/indicators/import?targetYear=2021/22", jamie, SEED_003_TABLE, 403);
        assertThat(problem.path("report").path("rejected").asInt()).isEqualTo(3);
        assertThat(stored()).isZero();
    }

    @Test
    void aMeasurementsFileWithABadPeriodAnUnknownCodeOrAPeriodNotBegunIsRefusedWholeNamingEachRow() {
        define(caseConferences("4.6"));
        JsonNode problem = refusedImport("/api/measurements/import", officer, """
                code,period,value,commentary
                4.6,2021/22 Q2,96%,
                4.6,Autumn 2021,50%,
                4.7,2021/22 Q3,50%,
                4.6,2099/00,50%,
                4.6,2021/22 Q4,1e309,
                """, 400);

        assertThat(problem.path("errors").findValuesAsString("field"))
                .containsExactly("rows[3].period", "rows[4].code", "rows[5].period", "rows[6].value");
        assertThat(problem.path("report").path("created").asInt()).isEqualTo(1);
        Document doc = mongo().findAll(Document.class, IndicatorDocument.COLLECTION).getFirst();
        assertThat(doc.getList("measurements", Document.class)).isEmpty();
        assertThat(outboxTypes()).containsExactly("org.waypoint.indicator.IndicatorDefined.v1");
    }

    @Test
    void staffImportingMeasurementsOfAnIndicatorNotTheirsIsRefusedWholeAs403() {
        define(caseConferences("4.6"));
        JsonNode problem = refusedImport("/api/measurements/import", morag, "code,period,value\n4.6,2021/22 Q2,96%\n", 403);

        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("rows[2].code");
        assertThat(mongo().findAll(Document.class, IndicatorDocument.COLLECTION).getFirst().getList("measurements", Document.class))
                .isEmpty();
        assertThat(importCsv("/api/measurements/import", jamie, "code,period,value\n4.6,2021/22 Q2,96%\n")
                .path("created").asInt()).as("the owner").isEqualTo(1);
    }

    @Test
    void measurementsImportWithSeed004sNotYetAvailable() {
        define(caseConferences("4.6"));
        JsonNode report = importCsv("/api/measurements/import", officer, """
                code,period,value,commentary
                4.6,2021/22 Q2,96%,
                4.6,2021/22 Q3,Data available in January 2022,
                """);

        assertThat(report.path("created").asInt()).isEqualTo(2);
        assertThat(report.path("stored").asBoolean()).isTrue();
        JsonNode current = JSON.readTree(Http.get(base + "?q=4.6", auditor).body()).path("items").get(0).path("asAt");
        assertThat(current.path("period").asString()).isEqualTo("2021/22 Q3");
        assertThat(current.path("expectedOn").asString()).isEqualTo("2022-01-31");
        assertThat(current.path("commentary").asString()).isEqualTo("Data available in January 2022");
    }

    @Test
    void exportsRoundTripAsCsvAndXlsx() throws Exception {
        importCsv("/api/indicators/import?targetYear=2021/22", officer, SEED_003_TABLE);
        String id = JSON.readTree(Http.get(base + "?q=SL-2", auditor).body()).path("items").get(0).path("id").asString();
        record(id, officer, "2021/22", "97%", "Above target");

        HttpResponse<String> csv = Http.get(base + "/export", auditor);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines().count()).isEqualTo(4);
        assertThat(importCsv("/api/indicators/import", officer, csv.body()).path("unchanged").asInt()).isEqualTo(3);

        HttpResponse<String> measurements = Http.get(Services.url(app) + "/api/measurements/export", auditor);
        assertThat(measurements.body()).contains("SL-2,2021/22,97%,,Above target,95%,GREEN,No concerns");

        var xlsx = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/export?format=xlsx")).header("Authorization", "Bearer " + auditor).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        var reimport = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/import")).header("Authorization", "Bearer " + officer)
                        .header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(xlsx.body())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(reimport.statusCode()).as(reimport.body()).isEqualTo(200);
        assertThat(JSON.readTree(reimport.body()).path("unchanged").asInt()).isEqualTo(3);

        JsonNode list = JSON.readTree(Http.get(Services.url(app) + "/api/measurements?period=2021/22", auditor).body());
        assertThat(list.path("total").asInt()).isEqualTo(1);
        assertThat(list.path("items").get(0).path("measurement").path("status").asString()).isEqualTo("GREEN");
    }

    static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1");

    @Test
    void exportedCsvCellsThatASpreadsheetWouldReadAsFormulasStartWithAnApostropheAndXlsxCellsAreText() throws Exception {
        for (int i = 0; i < FORMULAS.size(); i++) {
            String formula = FORMULAS.get(i);
            // a name is one line (no tab or CR at all), so the last two go in as commentary only
            String name = Text.isOneLine(formula) ? formula : "=1 name " + i;
            String id = define(caseConferences("F-" + i).replace("\"Percentage of Case Conferences convened within target timescale\"",
                    JSON.writeValueAsString(name))).path("id").asString();
            HttpResponse<String> recorded = Http.post(base + "/" + id + "/measurements", officer,
                    "{\"period\":\"2021/22 Q3\",\"value\":\"96%\",\"commentary\":" + JSON.writeValueAsString(formula + " note") + "}",
                    etag(id));
            assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        }

        HttpResponse<String> definitions = Http.get(base + "/export?format=csv", auditor);
        HttpResponse<String> measurements = Http.get(Services.url(app) + "/api/measurements/export?format=csv", auditor);

        List<String> names = column(definitions.body(), "name");
        assertThat(names).hasSize(FORMULAS.size());
        // "+1" alone is a plain number to the platform's CsvTables (a spreadsheet reads 1, never a formula): left as it is
        assertThat(names).filteredOn(cell -> !cell.equals("+1")).hasSize(FORMULAS.size() - 1)
                .allSatisfy(cell -> assertThat(cell).startsWith("'"));
        assertThat(names).contains("'=cmd|' /C calc'!A0", "'-1+1", "'@SUM(A1)", "'=1 name 4", "'=1 name 5");
        List<String> commentary = column(measurements.body(), "commentary");
        assertThat(commentary).hasSize(FORMULAS.size());
        assertThat(commentary).allSatisfy(cell -> assertThat(cell).startsWith("'"));
        assertThat(commentary).contains("'=cmd|' /C calc'!A0 note", "'@SUM(A1) note", "'-1+1 note", "'+1 note");

        for (String path : List.of(base + "/export?format=xlsx", Services.url(app) + "/api/measurements/export?format=xlsx")) {
            HttpResponse<byte[]> xlsx = Http.getBytes(path, auditor);
            assertThat(xlsx.statusCode()).isEqualTo(200);
            try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx.body()))) {
                List<String> texts = new java.util.ArrayList<>();
                for (org.apache.poi.ss.usermodel.Row row : workbook.getSheetAt(0)) {
                    for (org.apache.poi.ss.usermodel.Cell cell : row) {
                        assertThat(cell.getCellType()).as(path + " " + cell.getAddress()).isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA);
                        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                            texts.add(cell.getStringCellValue());
                        }
                    }
                }
                assertThat(texts).as("text as typed, no apostrophe needed in XLSX").contains(path.contains("measurements")
                        ? "=cmd|' /C calc'!A0 note" : "=cmd|' /C calc'!A0");
            }
        }

        JsonNode again = importCsv("/api/indicators/import", officer, definitions.body());
        assertThat(again.path("unchanged").asInt()).as("an export imported again changes nothing").isEqualTo(FORMULAS.size());
    }

    /** The cells of one column of a CSV table with a header row. */
    static List<String> column(String csv, String header) throws java.io.IOException {
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(csv))) {
            return parser.getRecords().stream().map(r -> r.get(header)).toList();
        }
    }

    @Test
    void aMultipartUploadWithoutABoundaryIsA400NamingTheFileNotA500() {
        HttpResponse<String> response = Http.postBytes(base + "/import", officer, "multipart/form-data", "code,name\n".getBytes());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"field\":\"file\"");
    }

    @Test
    void anUnreadableFileIsRefusedNamingTheFile() {
        HttpResponse<String> response = Http.postCsv(base + "/import", officer, "code,name\n\"unclosed");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"file\"");
    }
}
