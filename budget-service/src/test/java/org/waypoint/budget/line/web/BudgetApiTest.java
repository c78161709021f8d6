package org.waypoint.budget.line.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waypoint.budget.BudgetServiceFixture;
import org.waypoint.budget.Http;
import org.waypoint.budget.Users;
import org.waypoint.budget.line.persistence.BudgetLineDocument;
import org.waypoint.testsupport.Services;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The budgets API over real HTTP, with signed tokens and the MongoDB-compatible server. */
class BudgetApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String JUSTICE = """
            {"financialYear":"2021/22","organisation":"East Ayrshire Health and Social Care Partnership",
             "division":"Justice Services","fundingSource":"EAC Delegated","type":"REVENUE","amount":1933000,
             "holder":{"name":"Jamie Wilson","username":"jamie.lead","email":"jamie.wilson@waypoint.example"}}""";

    @RegisterExtension
    static final BudgetServiceFixture budget = BudgetServiceFixture.of("budgets-api-test").emptiedBeforeEachTest();

    final String base = budget.base();
    final String lines = budget.lines();
    final Users users = budget.users();

    @Test
    void aFinanceOfficerSetsABudgetLineStoredAsExactDecimalInItsDivisionsServiceArea() {
        HttpResponse<String> created = Http.post(lines, users.fiona(), JUSTICE);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("ETag")).contains("\"0\"");
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("amount").asString()).isEqualTo("1933000.00");
        assertThat(body.path("serviceArea").asString()).isEqualTo("Children and Justice");
        assertThat(body.path("latest").path("status").asString()).isEqualTo("NO_PROJECTION");

        Document stored = budget.mongo().findAll(Document.class, BudgetLineDocument.COLLECTION).getFirst();
        assertThat(stored.get("amount")).isInstanceOf(Decimal128.class).isEqualTo(Decimal128.parse("1933000.00"));
        assertThat(stored.getList("outbox", Document.class)).extracting(m -> m.getString("type"))
                .containsExactly("org.waypoint.budget.BudgetSet.v1");

        String location = created.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> read = Http.get(Services.url(budget.app()) + location, users.alex());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().firstValue("ETag")).contains("\"0\"");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "over-precise money    | \"amount\":1933000                | \"amount\":1933000.005             | amount",
            "over-precise string   | \"amount\":1933000                | \"amount\":\"12.345\"              | amount",
            "non-numeric money     | \"amount\":1933000                | \"amount\":\"lots\"                | amount",
            "missing amount        | ,\"amount\":1933000               | ''                                 | amount",
            "negative net budget   | \"amount\":1933000                | \"amount\":-5                      | amount",
            "unknown division      | \"Justice Services\"              | \"Justise Services\"               | division",
            "unknown organisation  | \"East Ayrshire Health and Social Care Partnership\" | \"Nowhere Council\" | organisation",
            "bad financial year    | \"2021/22\"                       | \"2021/23\"                        | financialYear",
            "capital sans project  | \"REVENUE\"                       | \"CAPITAL\"                        | project",
            "unknown type          | \"REVENUE\"                       | \"OPERATING\"                      | type",
            "unknown field         | \"type\":\"REVENUE\"              | \"type\":\"REVENUE\",\"total\":1   | total",
            "income category plus  | \"type\":\"REVENUE\"              | \"type\":\"REVENUE\",\"category\":\"FEES_AND_CHARGES\" | amount",
            "bad holder email      | jamie.wilson@waypoint.example     | not-an-email                       | holder.email"})
    void badInputGetsAProblemNamingTheFieldAndStoresNothing(String why, String replace, String with, String field) {
        String json = JUSTICE.replace(replace, with.equals("''") ? "" : with);
        HttpResponse<String> response = Http.post(lines, users.fiona(), json);

        budget.assertRefusedNamingAndNothingStored(response, field, why);
    }

    @Test
    void theHolderRecordsMonitoringWithTheETagAndAProjectedOverspendTurnsTheLineRed() {
        String id = create(JUSTICE);

        HttpResponse<String> recorded = Http.post(lines + "/" + id + "/monitoring", users.jamie(),
                "{\"period\":\"Q2\",\"actualToDate\":1000000,\"projectedOutturn\":\"1990990.00\",\"commentary\":\"Secure placements\"}", "\"0\"");

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(recorded.headers().firstValue("ETag")).contains("\"1\"");
        JsonNode latest = JSON.readTree(recorded.body()).path("latest");
        assertThat(latest.path("period").asString()).isEqualTo("2021/22 Q2");
        assertThat(latest.path("variance").asString()).isEqualTo("57990.00");
        assertThat(latest.path("variancePercent").asString()).isEqualTo("3.00");
        assertThat(latest.path("outturnPercent").asString()).isEqualTo("103.00");
        assertThat(latest.path("status").asString()).isEqualTo("RED");

        Document stored = budget.mongo().findAll(Document.class, BudgetLineDocument.COLLECTION).getFirst();
        assertThat(stored.getList("outbox", Document.class)).extracting(m -> m.getString("type")).containsExactly(
                "org.waypoint.budget.BudgetSet.v1", "org.waypoint.budget.OutturnProjected.v1",
                "org.waypoint.budget.OverspendProjected.v1");
    }

    @Test
    void anUpdateWithoutIfMatchIs428AndAStaleOneIs412() {
        String id = create(JUSTICE);
        String monitoring = "{\"period\":\"M01\",\"actualToDate\":150000,\"projectedOutturn\":1933000}";

        HttpResponse<String> missing = Http.post(lines + "/" + id + "/monitoring", users.jamie(), monitoring);
        assertThat(missing.statusCode()).isEqualTo(428);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        assertThat(Http.post(lines + "/" + id + "/monitoring", users.jamie(), monitoring, "\"0\"").statusCode()).isEqualTo(200);
        HttpResponse<String> stale = Http.put(lines + "/" + id, users.fiona(), JUSTICE.replace("1933000", "2000000"), "\"0\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(JSON.readTree(Http.get(lines + "/" + id, users.fiona()).body()).path("amount").asString()).isEqualTo("1933000.00");
    }

    @Test
    void anIfMatchThatIsNoETagIs400NamingTheHeaderAndChangesNothing() {
        String id = create(JUSTICE);

        for (String malformed : List.of("\"v1\"", "*", "\"0\", \"1\"")) {
            HttpResponse<String> response = Http.put(lines + "/" + id, users.fiona(), JUSTICE.replace("1933000", "2000000"),
                    malformed);
            assertThat(response.statusCode()).as(malformed).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(response.body()).as(malformed).contains("\"field\":\"If-Match\"");
        }
        HttpResponse<String> line = Http.get(lines + "/" + id, users.fiona());
        assertThat(JSON.readTree(line.body()).path("amount").asString()).isEqualTo("1933000.00");
        assertThat(line.headers().firstValue("ETag")).contains("\"0\"");
    }

    @Test
    void overPreciseMonitoringIsRefusedAndChangesNothing() {
        String id = create(JUSTICE);
        HttpResponse<String> response = Http.post(lines + "/" + id + "/monitoring", users.jamie(),
                "{\"period\":\"Q1\",\"actualToDate\":100.001,\"projectedOutturn\":1933000}", "\"0\"");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"actualToDate\"");
        HttpResponse<String> badPeriod = Http.post(lines + "/" + id + "/monitoring", users.jamie(),
                "{\"period\":\"2020/21 Q1\",\"actualToDate\":100,\"projectedOutturn\":1933000}", "\"0\"");
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("\"field\":\"period\"");
        assertThat(Http.get(lines + "/" + id, users.fiona()).headers().firstValue("ETag")).contains("\"0\"");
    }

    @Test
    void whoMayWriteWhat() {
        assertThat(Http.post(lines, users.jamie(), JUSTICE).statusCode()).as("staff set no budgets").isEqualTo(403);
        assertThat(Http.post(lines, users.david(), JUSTICE).statusCode()).as("manager of another area").isEqualTo(403);
        assertThat(Http.post(lines, users.alex(), JUSTICE).statusCode()).as("auditor").isEqualTo(403);
        assertThat(Http.post(lines, users.sarah(), JUSTICE).statusCode()).as("manager of the area").isEqualTo(201);
        assertThat(Http.post(lines, users.ruth(), JUSTICE).statusCode()).as("admin").isEqualTo(201);
        String id = create(JUSTICE);
        String monitoring = "{\"period\":\"Q1\",\"actualToDate\":480000,\"projectedOutturn\":1933000}";

        assertThat(Http.post(lines + "/" + id + "/monitoring", users.morag(), monitoring, "\"0\"").statusCode())
                .as("staff who do not hold the line").isEqualTo(403);
        assertThat(Http.put(lines + "/" + id, users.jamie(), JUSTICE.replace("1933000", "2500000"), "\"0\"").statusCode())
                .as("the holder does not set their own budget").isEqualTo(403);
        assertThat(Http.post(lines + "/" + id + "/monitoring", users.jamie(), monitoring, "\"0\"").statusCode())
                .as("the holder records monitoring").isEqualTo(200);
        assertThat(Http.post(lines + "/" + id + "/monitoring", users.sarah(), monitoring.replace("Q1", "Q2"), "\"1\"").statusCode())
                .as("the area's manager records monitoring").isEqualTo(200);
        assertThat(budget.storedLines()).isEqualTo(3);
    }

    @Test
    void changesAreKeptInTheHistoryWithWhoWhenAndWhat() {
        String id = create(JUSTICE);
        HttpResponse<String> changed = Http.put(lines + "/" + id, users.fiona(), JUSTICE.replace("1933000", "1950000.50"), "\"0\"");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag")).contains("\"1\"");

        JsonNode history = JSON.readTree(Http.get(lines + "/" + id + "/history", users.alex()).body()).path("entries");
        assertThat(history.get(0).path("what").asString()).isEqualTo("budget changed");
        assertThat(history.get(0).path("by").asString()).isEqualTo("fiona.finance");
        assertThat(history.get(0).path("changes").get(0).path("from").asString()).isEqualTo("1933000.00");
        assertThat(history.get(0).path("changes").get(0).path("to").asString()).isEqualTo("1950000.50");
        assertThat(history.get(1).path("what").asString()).isEqualTo("budget set");
    }

    @Test
    void aWithdrawnLineLeavesListsAndTotals() {
        String id = create(JUSTICE);
        create(JUSTICE.replace("Justice Services", "Health Visiting").replace("EAC Delegated", "NHS A&A Delegated").replace("1933000", "3313000"));
        assertThat(Http.delete(lines + "/" + id, users.fiona(), "\"0\"").statusCode()).isEqualTo(200);

        JsonNode page = JSON.readTree(Http.get(lines, users.alex()).body());
        assertThat(page.path("total").asInt()).isEqualTo(1);
        JsonNode totals = JSON.readTree(Http.get(base + "/totals?by=division", users.alex()).body());
        assertThat(totals.path("total").path("budget").asString()).isEqualTo("3313000.00");
    }

    @Test
    void linesAreFilteredPagedAndSortedWithAHintWhenEmpty() {
        JsonNode empty = JSON.readTree(Http.get(lines, users.alex()).body());
        assertThat(empty.path("total").asInt()).isZero();
        assertThat(empty.path("hint").asString()).contains("No budgets yet");

        create(JUSTICE);
        create(JUSTICE.replace("Justice Services", "Health Visiting").replace("EAC Delegated", "NHS A&A Delegated").replace("1933000", "3313000"));
        create(JUSTICE.replace("Justice Services", "Learning and Development").replace("1933000", "287000"));

        JsonNode nhs = JSON.readTree(Http.get(lines + "?fundingSource=NHS%20A%26A%20Delegated", users.alex()).body());
        assertThat(nhs.path("total").asInt()).isEqualTo(1);
        JsonNode biggest = JSON.readTree(Http.get(lines + "?sort=amount,desc&size=2&page=0", users.alex()).body());
        assertThat(biggest.path("items").findValuesAsString("amount")).containsExactly("3313000.00", "1933000.00");
        assertThat(biggest.path("totalPages").asInt()).isEqualTo(2);
        assertThat(JSON.readTree(Http.get(lines + "?year=2020/21", users.alex()).body()).path("hint").asString())
                .contains("No budget line matches");
        assertThat(Http.get(lines + "?size=500", users.alex()).statusCode()).isEqualTo(400);
        assertThat(Http.get(lines + "?year=2021", users.alex()).body()).contains("\"field\":\"year\"");
        assertThat(Http.get(lines + "?status=PURPLE", users.alex()).statusCode()).isEqualTo(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "/lines?type=OPERATING                | type     | has the wrong type or format",
            "/lines?category=CATERING             | category | has the wrong type or format",
            "/lines?year=2021-22-23               | year     | '2021-22-23' is not a financial year: write it as 2021/22",
            "/lines/export?type=operating         | type     | has the wrong type or format",
            "/totals?by=division&category=STAFFS  | category | has the wrong type or format",
            "/shares?by=division&type=REV         | type     | has the wrong type or format",
            "/totals/export?year=2021             | year     | '2021' is not a financial year: write it as 2021/22",
            "/shares/export?format=xlsx&type=X    | type     | has the wrong type or format"})
    void aFilterValueOfTheWrongTypeOrFormatIs400NamingTheParameter(String query, String field, String message) {
        create(JUSTICE);

        HttpResponse<String> response = Http.get(base + query, users.alex());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode errors = JSON.readTree(response.body()).path("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("field").asString()).isEqualTo(field);
        assertThat(errors.get(0).path("message").asString()).isEqualTo(message);
        assertThat(response.body()).doesNotContain("Exception", "convert", "org.waypoint");
    }

    @Test
    void filtersAreReadFromTheQueryOnlyNotFromHeadersOfTheSameName() {
        create(JUSTICE);

        HttpResponse<String> response = Http.get(lines, users.alex(), "Division", "Health Visiting");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("total").asInt()).isEqualTo(1);
        assertThat(Http.get(base + "/totals?by=division", users.alex(), "Type", "NOT-A-TYPE").statusCode()).isEqualTo(200);
    }

    /** The filters are one parameter object in the code, but each is its own query parameter in the API description. */
    @Test
    void theApiDescriptionListsEachFilterAsAQueryParameterOfEveryEndpointThatTakesThem() {
        JsonNode paths = JSON.readTree(Http.get(budget.base().replace("/api/budgets", "/v3/api-docs"), null).body()).path("paths");
        for (String path : List.of("/api/budgets/lines", "/api/budgets/lines/export", "/api/budgets/totals", "/api/budgets/shares",
                "/api/budgets/totals/export", "/api/budgets/shares/export")) {
            JsonNode parameters = paths.path(path).path("get").path("parameters");
            assertThat(parameters.findValuesAsString("name")).as(path).contains("year", "organisation", "serviceArea", "division",
                    "fundingSource", "type", "project", "category", "holder").doesNotContain("filter", "budgetLineFilterParams");
            parameters.forEach(p -> assertThat(p.path("in").asString()).as(path + " " + p).isEqualTo("query"));
            JsonNode type = parameters.findParents("name").stream().filter(p -> p.path("name").asString().equals("type"))
                    .findFirst().orElseThrow();
            assertThat(type.path("required").asBoolean()).isFalse();
            assertThat(type.path("schema").path("enum").toString()).isEqualTo("[\"REVENUE\",\"CAPITAL\"]");
        }
    }

    /** Money in request bodies is described as what the service reads: a plain decimal string (a JSON number is read the same way). */
    @Test
    void theApiDescriptionDescribesMoneyInRequestsAsAPlainDecimalString() {
        JsonNode docs = JSON.readTree(Http.get(budget.base().replace("/api/budgets", "/v3/api-docs"), null).body());
        JsonNode schemas = docs.path("components").path("schemas");
        for (String[] field : new String[][] {{"BudgetLineRequest", "amount"}, {"MonitoringRequest", "actualToDate"},
                {"MonitoringRequest", "projectedOutturn"}}) {
            JsonNode schema = schemas.path(field[0]).path("properties").path(field[1]);
            if (schema.has("$ref")) {
                schema = schemas.path(schema.path("$ref").asString().replace("#/components/schemas/", ""));
            }
            assertThat(schema.path("type").asString()).as(field[0] + "." + field[1] + " " + schema).isEqualTo("string");
            assertThat(schema.path("pattern").asString()).as(field[0] + "." + field[1]).isEqualTo("^-?\\d+(\\.\\d+)?$");
        }
    }

    @Test
    void totalsAndSharesAreComputedForAnyGrouping() {
        // seed 003: South Lanarkshire's net revenue budget by service, 2021-22
        String[][] services = {{"Performance and Support Services", "8024000"}, {"Adult and Older People", "131773000"},
                {"Children and Families", "34381000"}, {"Justice and Substance Misuse", "1585000"}};
        for (String[] s : services) {
            create("{\"financialYear\":\"2021-22\",\"organisation\":\"South Lanarkshire Council\",\"division\":\"" + s[0]
                    + "\",\"fundingSource\":\"Council\",\"amount\":" + s[1] + "}");
        }
        JsonNode shares = JSON.readTree(Http.get(base + "/shares?by=division&organisation=South%20Lanarkshire%20Council", users.alex()).body());
        assertThat(shares.path("total").asString()).isEqualTo("175763000.00");
        assertThat(shares.path("shares").findValues("percent").stream().map(JsonNode::asInt).toList()).containsExactly(75, 19, 1, 5);

        JsonNode totals = JSON.readTree(Http.get(base + "/totals?by=year,fundingSource&year=2021/22", users.alex()).body());
        assertThat(totals.path("groups")).hasSize(1);
        assertThat(totals.path("groups").get(0).path("key").path("fundingSource").asString()).isEqualTo("Council");
        assertThat(totals.path("groups").get(0).path("sharePercent").asInt()).isEqualTo(100);
        assertThat(Http.get(base + "/totals?by=colour", users.alex()).body()).contains("\"field\":\"by\"");
    }

    @Test
    void anUploadedTableIsCheckedAndEveryDisagreementReportedWithoutStoringAnything() throws Exception {
        String seed000 = new String(getClass().getClassLoader().getResourceAsStream("seeds/000-budget-2021-22.tsv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> checked = Http.postCsv(base + "/imports/check", users.fiona(), seed000);

        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(checked.body());
        assertThat(report.path("disagreements")).hasSize(2);
        assertThat(report.path("disagreements").findValuesAsString("stated")).contains("26471000.00");
        assertThat(report.path("disagreements").findValuesAsString("computed")).contains("26748000.00");
        assertThat(report.path("agrees").asBoolean()).isFalse();

        HttpResponse<String> malformed = Http.postCsv(base + "/imports/check", users.fiona(),
                "Service Division,EAC £m,NHS £m\nJustice Services,1.933,0\nHealth Visiting,lots,\n");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"field\":\"file\"").contains("row 3");
        assertThat(budget.storedLines()).isZero();
    }

    // ---- issue 16: money is what it says ----

    @ParameterizedTest(name = "amount {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"1e3\"", "1e3", "1E+3", "\"Infinity\"", "\"-Infinity\"", "\"NaN\"", "\" 12\"", "\"12 \"", "\"12,000\"", "\"+12\"",
            "\"£12\"", "\".5\"", "\"12.\"", "12.345", "\"12.345\"", "\"\"", "true", "{}", "[12]"})
    void anAmountThatIsNotAPlainDecimalOfWholePenceIsRefusedNamingTheField(String amount) {
        HttpResponse<String> response = Http.post(lines, users.fiona(), JUSTICE.replace("\"amount\":1933000", "\"amount\":" + amount));

        budget.assertRefusedNamingAndNothingStored(response, "amount", amount);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "actualToDate     | \"1e3\"", "actualToDate     | 1e3", "actualToDate     | \"NaN\"", "actualToDate     | \" 12\"",
            "actualToDate     | \"12,000\"", "actualToDate     | 100.001",
            "projectedOutturn | \"1e3\"", "projectedOutturn | 1.5E6", "projectedOutturn | \"Infinity\"", "projectedOutturn | \"12,000\"",
            "projectedOutturn | \"1933000.005\"", "projectedOutturn | false"})
    void monitoringMoneyThatIsNotAPlainDecimalOfWholePenceIsRefusedNamingTheFieldAndChangesNothing(String field, String value) {
        String id = create(JUSTICE);
        String body = "{\"period\":\"Q1\",\"actualToDate\":480000,\"projectedOutturn\":1933000}"
                .replace("\"" + field + "\":" + (field.equals("actualToDate") ? "480000" : "1933000"), "\"" + field + "\":" + value);

        HttpResponse<String> response = Http.post(lines + "/" + id + "/monitoring", users.jamie(), body, "\"0\"");

        assertThat(response.statusCode()).as(body + " " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsString("field")).containsExactly(field);
        assertThat(Http.get(lines + "/" + id, users.fiona()).headers().firstValue("ETag")).contains("\"0\"");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "\"18383000.00\" | 18383000.00", "12 | 12.00", "\"12\" | 12.00", "-1200.5 | -1200.50", "\"-1200.50\" | -1200.50",
            "0.1 | 0.10", "\"12.340\" | 12.34"})
    void aPlainDecimalStringOrNumberIsTheAmountItSays(String given, String stored) {
        String json = JUSTICE.replace("\"amount\":1933000", "\"amount\":" + given)
                .replace("\"type\":\"REVENUE\"", "\"type\":\"REVENUE\"" + (stored.startsWith("-") ? ",\"category\":\"FEES_AND_CHARGES\"" : ""));

        HttpResponse<String> created = Http.post(lines, users.fiona(), json);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("amount").asString()).isEqualTo(stored);
        String id = JSON.readTree(created.body()).path("id").asString();
        HttpResponse<String> recorded = Http.post(lines + "/" + id + "/monitoring", users.jamie(),
                "{\"period\":\"Q1\",\"actualToDate\":" + given + ",\"projectedOutturn\":" + given + "}", "\"0\"");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(JSON.readTree(recorded.body()).path("latest").path("actualToDate").asString()).isEqualTo(stored);
        assertThat(JSON.readTree(recorded.body()).path("latest").path("projectedOutturn").asString()).isEqualTo(stored);
    }

    // ---- issue 16: control characters ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "organisation     | \"East Ayrshire Health and Social Care Partnership\" | \"East Ayrshire\\r\\nBcc: x@evil.example\"",
            "division         | \"Justice Services\"                   | \"Justice\\nServices\"",
            "fundingSource    | \"EAC Delegated\"                      | \"EAC\\u0007Delegated\"",
            "fundingSource    | \"EAC Delegated\"                      | \"EAC Delegated\\r\\nBcc: x@evil.example\"",
            "project          | \"type\":\"REVENUE\"                   | \"type\":\"CAPITAL\",\"project\":\"New\\tbuild\"",
            "financialYear    | \"2021/22\"                            | \"2021\\n/22\"",
            "holder.name      | \"Jamie Wilson\"                       | \"Jamie\\r\\nBcc: x@evil.example\"",
            "holder.username  | \"jamie.lead\"                         | \"jamie.lead\\u0000\"",
            "holder.email     | \"jamie.wilson@waypoint.example\"      | \"jamie.wilson@waypoint.example\\r\\nBcc: x@evil.example\"",
            "description      | \"type\":\"REVENUE\"                   | \"type\":\"REVENUE\",\"description\":\"bell\\u0007\""})
    void aControlCharacterInAOneLineFieldOrOtherThanALineBreakInTextIsRefusedNamingTheField(String field, String replace, String with) {
        HttpResponse<String> response = Http.post(lines, users.fiona(), JUSTICE.replace(replace, with));

        budget.assertRefusedNamingAndNothingStored(response, field, with);
    }

    @Test
    void multiLineTextKeepsItsLineBreaksAndTabsButMonitoringRefusesOtherControlCharacters() {
        String id = create(JUSTICE.replace("\"type\":\"REVENUE\"", "\"type\":\"REVENUE\",\"description\":\"Two lines:\\nsecond\\tone\""));
        assertThat(JSON.readTree(Http.get(lines + "/" + id, users.alex()).body()).path("description").asString())
                .isEqualTo("Two lines:\nsecond\tone");

        HttpResponse<String> period = Http.post(lines + "/" + id + "/monitoring", users.jamie(),
                "{\"period\":\"Q1\\r\\nBcc: x\",\"actualToDate\":1,\"projectedOutturn\":1933000}", "\"0\"");
        assertThat(period.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(period.body()).path("errors").findValuesAsString("field")).containsExactly("period");
        HttpResponse<String> escape = Http.post(lines + "/" + id + "/monitoring", users.jamie(),
                "{\"period\":\"Q1\",\"actualToDate\":1,\"projectedOutturn\":1933000,\"commentary\":\"\\u001b[31mred\"}", "\"0\"");
        assertThat(escape.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(escape.body()).path("errors").findValuesAsString("field")).containsExactly("commentary");
        assertThat(Http.get(lines + "/" + id, users.fiona()).headers().firstValue("ETag")).contains("\"0\"");

        HttpResponse<String> recorded = Http.post(lines + "/" + id + "/monitoring", users.jamie(),
                "{\"period\":\"Q1\",\"actualToDate\":1,\"projectedOutturn\":1933000,\"commentary\":\"Agency cover:\\r\\n\\tthree posts\"}", "\"0\"");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        assertThat(JSON.readTree(recorded.body()).path("monitoring").get(0).path("commentary").asString())
                .isEqualTo("Agency cover:\r\n\tthree posts");
    }

    // ---- issue 16: filters that are paths or operators ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/lines?division[$ne]=x                       | division[$ne]",
            "/lines?division.x=x                          | division.x",
            "/lines?holder[$regex]=.*                     | holder[$regex]",
            "/totals?by=division&division[$ne]=x          | division[$ne]",
            "/totals?by=division&serviceArea.x=x          | serviceArea.x",
            "/shares?by=division&fundingSource[$gt]=      | fundingSource[$gt]",
            "/shares?by=division&year.x=2021/22           | year.x",
            "/lines/export?format=csv&division[$ne]=x     | division[$ne]",
            "/lines/export?format=xlsx&project.x=x        | project.x",
            "/totals/export?by=division&division[$ne]=x   | division[$ne]",
            "/totals/export?format=xlsx&type.x=x          | type.x",
            "/shares/export?by=division&category[$ne]=x   | category[$ne]",
            "/shares/export?format=xlsx&organisation.x=x  | organisation.x"})
    void aFilterNamedAsAPathOrAnOperatorIs400NamingTheParameterNot500(String query, String parameter) {
        create(JUSTICE);
        String encoded = query.replace("[", "%5B").replace("]", "%5D").replace("$", "%24");

        HttpResponse<String> response = Http.get(base + encoded, users.alex());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsString("field")).containsExactly(parameter);
        assertThat(response.body()).doesNotContain("Exception", "org.waypoint");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/lines?page=2147483647&size=200 | 200",
            "/lines?page=21474837&size=100   | 200",
            "/lines?sort=,                   | 400",
            "/lines?sort=%2C%2C              | 400",
            "/lines/export?sort=,            | 400",
            "/totals?by=,                    | 400",
            "/shares/export?by=%2C           | 400"})
    void pagingAndSortingAtTheirEdgesAreAnsweredNever500(String query, int status) {
        create(JUSTICE);

        HttpResponse<String> response = Http.get(base + query, users.alex());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        if (status == 200) {
            assertThat(JSON.readTree(response.body()).path("items")).isEmpty();
            assertThat(JSON.readTree(response.body()).path("total").asInt()).isEqualTo(1);
        } else {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
    }

    // ---- issue 16: every write within the caller's service areas ----

    @Test
    void everyLineHasAServiceAreaEvenInADivisionNoManagerOversees() {
        String support = "{\"financialYear\":\"2021/22\",\"organisation\":\"South Lanarkshire Council\","
                + "\"division\":\"Performance and Support Services\",\"fundingSource\":\"Council\",\"amount\":8024000}";

        assertThat(Http.post(lines, users.sarah(), support).statusCode()).as("a manager of Children and Justice").isEqualTo(403);
        assertThat(Http.post(lines, users.david(), support).statusCode()).as("a manager of Adult and Older People").isEqualTo(403);
        HttpResponse<String> created = Http.post(lines, users.fiona(), support);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("serviceArea").asString()).isEqualTo("Performance and Support");
        assertThat(budget.mongo().findAll(Document.class, BudgetLineDocument.COLLECTION))
                .allSatisfy(d -> assertThat(d.getString("serviceArea")).isNotBlank());
    }

    @Test
    void aChangeNeedsTheRightToWriteBothTheAreaALineIsInAndTheAreaItMovesTo() {
        String id = create(JUSTICE); // Children and Justice, held by jamie.lead
        String toAdults = JUSTICE.replace("Justice Services", "Adult Support & Protection");

        assertThat(Http.put(lines + "/" + id, users.sarah(), toAdults, "\"0\"").statusCode())
                .as("a manager moving a line of their area into another").isEqualTo(403);
        assertThat(Http.put(lines + "/" + id, users.david(), toAdults, "\"0\"").statusCode())
                .as("a manager taking a line of another area into theirs").isEqualTo(403);
        assertThat(Http.put(lines + "/" + id, users.jamie(), toAdults, "\"0\"").statusCode())
                .as("the holder moving their line").isEqualTo(403);
        assertThat(Http.delete(lines + "/" + id, users.david(), "\"0\"").statusCode())
                .as("a manager withdrawing a line of another area").isEqualTo(403);
        assertThat(Http.post(lines + "/" + id + "/monitoring", users.david(),
                "{\"period\":\"Q1\",\"actualToDate\":1,\"projectedOutturn\":1933000}", "\"0\"").statusCode())
                .as("a manager recording on a line of another area").isEqualTo(403);
        assertThat(JSON.readTree(Http.get(lines + "/" + id, users.alex()).body()).path("serviceArea").asString())
                .isEqualTo("Children and Justice");
        assertThat(Http.get(lines + "/" + id, users.alex()).headers().firstValue("ETag")).contains("\"0\"");

        HttpResponse<String> newHolder = Http.put(lines + "/" + id, users.sarah(), JUSTICE.replace("Jamie Wilson", "Morag Clark")
                .replace("jamie.lead", "morag.lead").replace("jamie.wilson", "morag.clark"), "\"0\"");
        assertThat(newHolder.statusCode()).as("the area's manager names another holder: " + newHolder.body()).isEqualTo(200);

        HttpResponse<String> moved = Http.put(lines + "/" + id, users.fiona(), toAdults, "\"1\"");
        assertThat(moved.statusCode()).as("a finance officer moves it: " + moved.body()).isEqualTo(200);
        assertThat(JSON.readTree(moved.body()).path("serviceArea").asString()).isEqualTo("Adult and Older People");
        assertThat(Http.put(lines + "/" + id, users.sarah(), JUSTICE, "\"2\"").statusCode())
                .as("nor may the manager of Children and Justice bring it back").isEqualTo(403);
        assertThat(Http.put(lines + "/" + id, users.david(), toAdults.replace("1933000", "1900000"), "\"2\"").statusCode())
                .as("now the manager of Adult and Older People changes it").isEqualTo(200);
    }

    private String create(String json) {
        HttpResponse<String> created = Http.post(lines, users.fiona(), json);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }
}
