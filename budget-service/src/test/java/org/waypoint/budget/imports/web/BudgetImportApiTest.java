package org.waypoint.budget.imports.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waypoint.budget.BudgetServiceFixture;
import org.waypoint.budget.Http;
import org.waypoint.budget.Users;
import org.waypoint.budget.demo.SeedBudgets;
import org.waypoint.budget.imports.RandomTables;
import org.waypoint.budget.line.domain.Money;
import org.waypoint.budget.line.persistence.BudgetLineDocument;
import org.waypoint.testsupport.Services;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Budget tables uploaded as CSV, TSV or XLSX: checked, stored all or nothing only when nothing is
 * wrong (or the reported discrepancies are accepted by their acknowledgement), with events through
 * the outbox; lines and totals exported as CSV or XLSX for any filter.
 */
class BudgetImportApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String EAST_AYRSHIRE = "organisation=" + enc(SeedBudgets.EAST_AYRSHIRE);
    private static final String SOUTH_LANARKSHIRE = "organisation=" + enc(SeedBudgets.SOUTH_LANARKSHIRE);
    private static final String SEED_004_LAYOUT = "organisation=" + enc(SeedBudgets.DUMFRIES_AND_GALLOWAY)
            + "&rows=category&columns=division&fundingSource=Council&totalColumn=" + enc("Budget Estimates 2019/20");

    @RegisterExtension
    static final BudgetServiceFixture budget = BudgetServiceFixture.of("budgets-import-test").emptiedBeforeEachTest();

    final String base = budget.base();
    final Users users = budget.users();

    @Test
    void anXlsxUploadIsCheckedExactlyLikeTheSameTableAsText() {
        JsonNode fromText = JSON.readTree(Http.postCsv(base + "/imports/check", users.fiona(), seed("000-budget-2021-22.tsv")).body());
        HttpResponse<String> fromXlsx = Http.upload(base + "/imports/check", users.fiona(), "budget.xlsx", XLSX,
                xlsx(rows("000-budget-2021-22.tsv"), Map.of()));

        assertThat(fromXlsx.statusCode()).as(fromXlsx.body()).isEqualTo(200);
        JsonNode report = JSON.readTree(fromXlsx.body());
        assertThat(report.path("disagreements")).isEqualTo(fromText.path("disagreements"));
        assertThat(report.path("disagreements").findValuesAsString("computed")).contains("26748000.00");
        assertThat(report.path("lines")).isEqualTo(fromText.path("lines"));

        // seed 003 with its percentages as Excel keeps them: 0.05 shown as 5%
        HttpResponse<String> percentages = Http.postBody(base + "/imports/check", users.fiona(), XLSX,
                xlsx(rows("003-net-budget-by-service.tsv"), Map.of(2, "0%")));
        assertThat(percentages.statusCode()).as(percentages.body()).isEqualTo(200);
        assertThat(JSON.readTree(percentages.body()).path("disagreements")).isEmpty();
        assertThat(JSON.readTree(percentages.body()).path("checks").asInt()).isEqualTo(6);
    }

    @Test
    void aTableWhoseStatedTotalsDisagreeIsRefusedWith422UntilItsDiscrepanciesAreAcceptedThenStoredWithEvents() {
        String seed000 = seed("000-budget-2021-22.tsv");

        HttpResponse<String> refused = Http.postCsv(base + "/imports?" + EAST_AYRSHIRE, users.fiona(), seed000);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("rows[11]['EAC Delegated Budget 2021/22 £m']", "rows[11]['Total Delegated Budget 2021/22 £m']");
        JsonNode report = problem.path("report");
        assertThat(report.path("outcome").asString()).isEqualTo("REFUSED_DISCREPANCIES");
        assertThat(report.path("stored").asBoolean()).isFalse();
        assertThat(report.path("lines")).hasSize(9);
        assertThat(report.path("zeroCellsSkipped").asInt()).isEqualTo(9);
        assertThat(report.path("year").asString()).as("read from the header").isEqualTo("2021/22");
        String acknowledgement = report.path("acknowledgement").asString();
        assertThat(acknowledgement).hasSize(16);
        assertThat(problem.path("detail").asString()).contains("acceptDiscrepancies=" + acknowledgement).contains("Nothing was stored");
        assertThat(budget.storedLines()).isZero();

        HttpResponse<String> wrongAcknowledgement = Http.postCsv(base + "/imports?" + EAST_AYRSHIRE + "&acceptDiscrepancies=0123456789abcdef",
                users.fiona(), seed000);
        assertThat(wrongAcknowledgement.statusCode()).isEqualTo(422);
        assertThat(wrongAcknowledgement.body()).contains("is not this table's");
        assertThat(budget.storedLines()).isZero();

        HttpResponse<String> accepted = Http.postCsv(base + "/imports?" + EAST_AYRSHIRE + "&acceptDiscrepancies=" + acknowledgement,
                users.fiona(), seed000);

        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        JsonNode stored = JSON.readTree(accepted.body());
        assertThat(stored.path("outcome").asString()).isEqualTo("STORED");
        assertThat(stored.path("discrepanciesAccepted").asBoolean()).isTrue();
        assertThat(stored.path("lines").findValuesAsString("lineId")).hasSize(9).doesNotContainNull();
        assertThat(stored.path("linesTotal").asString()).isEqualTo("33399000.00");
        List<Document> documents = budget.mongo().findAll(Document.class, BudgetLineDocument.COLLECTION);
        assertThat(documents).hasSize(9).allSatisfy(d -> {
            assertThat(d.getList("outbox", Document.class)).extracting(m -> m.getString("type"))
                    .containsExactly("org.waypoint.budget.BudgetSet.v1");
            assertThat(d.getList("history", Document.class).getFirst().getString("what"))
                    .startsWith("budget set by import (row ").contains("accepted (acknowledgement " + acknowledgement + ")");
            assertThat(d.getString("createdBy")).isEqualTo("fiona.finance");
        });

        JsonNode byFunder = totals("by=fundingSource&" + EAST_AYRSHIRE);
        assertThat(budgets(byFunder, "fundingSource")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "EAC Delegated", "26748000.00", "NHS A&A Delegated", "6651000.00"));
        assertThat(byFunder.path("total").path("budget").asString()).isEqualTo("33399000.00");
    }

    @Test
    void anAgreeingXlsxTableIsStoredAllAtOnceAndTotalsToItsOwnFigures() {
        HttpResponse<String> stored = Http.upload(base + "/imports?" + SEED_004_LAYOUT, users.fiona(), "subjective-analysis.xlsx",
                "application/octet-stream", xlsx(rows("004-subjective-analysis-2019-20.tsv"), Map.of()));

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        JsonNode report = JSON.readTree(stored.body());
        assertThat(report.path("discrepancies").asInt()).isZero();
        assertThat(report.path("year").asString()).isEqualTo("2019/20");
        assertThat(report.path("lines")).hasSize(SeedBudgets.dumfriesAndGalloway().size());
        assertThat(budget.storedLines()).isEqualTo(SeedBudgets.dumfriesAndGalloway().size());
        assertThat(budget.mongo().findAll(Document.class, BudgetLineDocument.COLLECTION).getFirst().getList("history", Document.class)
                .getFirst().getString("what")).contains("of subjective-analysis.xlsx");

        // the table's own "Total Social Work Services" row, now computed from the stored lines
        JsonNode byDivision = totals("by=division&year=2019/20");
        assertThat(budgets(byDivision, "division")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "Adults Non IJB Services", "856006.00", "Children & Families Social Care", "16845798.00",
                "Criminal Justice Services", "2928180.00", "Public Protection", "56579.00", "Social Work Service Strategy", "1360409.00"));
        assertThat(byDivision.path("total").path("budget").asString()).isEqualTo("22046972.00");
        assertThat(budgets(totals("by=kind&year=2019/20"), "kind")).containsExactlyInAnyOrderEntriesOf(Map.of(
                "EXPENDITURE", "23254479.00", "INCOME", "-1207507.00"));
    }

    @Test
    void aDryRunSaysWhatWouldBeStoredAndTheSameTableTwiceIsRefusedWith409() {
        String seed003 = seed("003-net-budget-by-service.tsv");
        String query = "/imports?" + SOUTH_LANARKSHIRE + "&fundingSource=Council&year=2021/22";

        HttpResponse<String> dryRun = Http.postCsv(base + query + "&dryRun=true", users.fiona(), seed003);
        assertThat(dryRun.statusCode()).as(dryRun.body()).isEqualTo(200);
        JsonNode preview = JSON.readTree(dryRun.body());
        assertThat(preview.path("outcome").asString()).isEqualTo("CHECKED");
        assertThat(preview.path("wouldStore").asBoolean()).isTrue();
        assertThat(preview.path("lines").findValuesAsString("division")).containsExactly("Performance and Support Services",
                "Adult and Older People", "Children and Families", "Justice and Substance Misuse");
        assertThat(preview.path("lines").findValuesAsString("serviceArea")).contains("Adult and Older People", "Children and Justice");
        assertThat(budget.storedLines()).isZero();

        assertThat(Http.postCsv(base + query, users.fiona(), seed003).statusCode()).isEqualTo(201);
        HttpResponse<String> again = Http.postCsv(base + query, users.fiona(), seed003);

        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        JsonNode conflict = JSON.readTree(again.body());
        assertThat(conflict.path("report").path("conflicts")).hasSize(4);
        assertThat(conflict.path("errors").findValuesAsString("field")).containsExactly("rows[2]", "rows[3]", "rows[4]", "rows[5]");
        assertThat(budget.storedLines()).isEqualTo(4);
        assertThat(Http.postCsv(base + query.replace("2021/22", "2022/23"), users.fiona(), seed003).statusCode())
                .as("another year is another budget").isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown division       | Service Division,Council £\\nJustice Services,100\\nJustise Services,200 | year=2021/22                   | rows[3].division",
            "negative net budget    | Service Division,Council £\\nJustice Services,100\\nHealth Visiting,(200) | year=2021/22                  | rows[3].amount",
            "unnamed funder         | Service Division,£ million\\nJustice Services,1.933                    | year=2021/22                   | fundingSource",
            "no financial year      | Service Division,Council £\\nJustice Services,100                      | ''                             | year",
            "bad financial year     | Service Division,Council £\\nJustice Services,100                      | year=2021/23                   | year",
            "unknown category row   | Category,Justice Services £\\nStaff Costs,100\\nCatering,5              | year=2021/22&rows=category&columns=division&fundingSource=Council | rows[3].category",
            "words among figures    | Service Division,Council £,NHS £\\nJustice Services,100,lots          | year=2021/22                   | file",
            "finer than a penny     | Service Division,Council £\\nJustice Services,1.001                    | year=2021/22                   | file",
            "rows and columns alike | Service Division,A £,B £\\nJustice Services,1,2                       | year=2021/22&columns=division  | columns",
            "unknown rows           | Service Division,Council £\\nJustice Services,100                      | year=2021/22&rows=colour       | rows",
            "nothing but zeros      | Service Division,Council £\\nJustice Services,0                        | year=2021/22                   | file",
            "an exponent            | Service Division,Council £\\nJustice Services,100\\nHealth Visiting,1e3  | year=2021/22                | file",
            "Infinity               | Service Division,Council £\\nJustice Services,100\\nHealth Visiting,Infinity | year=2021/22            | file",
            "NaN                    | Service Division,Council £\\nJustice Services,100\\nHealth Visiting,NaN  | year=2021/22                | file",
            "a plus sign            | Service Division,Council £\\nJustice Services,100\\nHealth Visiting,+12  | year=2021/22                | file",
            "a decimal comma        | Service Division,Council £\\nJustice Services,\"12,00\"               | year=2021/22                   | file",
            "thousands misgrouped   | Service Division,Council £\\nJustice Services,\"1,2,3\"               | year=2021/22                   | file",
            "a bell in a funder     | Service Division,Council\\u0007 £\\nJustice Services,100               | year=2021/22                   | rows[2].fundingSource",
            "a line break in a row  | Service Division,Council £\\n\"Justice\\rServices\",100              | year=2021/22                   | rows[2].division"})
    void cellsThatCannotBeLinesAre400NamingTheRowAndNothingIsStored(String why, String table, String parameters, String field) {
        String csv = table.strip().replace("\\n", "\n").replace("\\r", "\r").replace("\\u0007", "\u0007") + "\n";
        String query = "/imports?" + EAST_AYRSHIRE + (parameters.equals("''") ? "" : "&" + parameters);

        HttpResponse<String> response = Http.postCsv(base + query, users.fiona(), csv);

        budget.assertRefusedNamingAndNothingStored(response, field, why);
    }

    @Test
    void anUnknownOrganisationIsNamedOnceAndNothingIsStored() {
        HttpResponse<String> response = Http.postCsv(base + "/imports?organisation=Nowhere%20Council&year=2021/22",
                users.fiona(), "Service Division,Council £\nJustice Services,100\nHealth Visiting,200\n");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("errors").findValuesAsString("field")).containsExactly("organisation");
        assertThat(budget.storedLines()).isZero();
    }

    @Test
    void financeOfficersAndAdminsImportAnywhereManagersOnlyWithinTheirServiceAreaStaffAndAuditorsNot() {
        String seed000 = seed("000-budget-2021-22.tsv");
        String query = base + "/imports?" + EAST_AYRSHIRE + "&acceptDiscrepancies="
                + JSON.readTree(Http.postCsv(base + "/imports?dryRun=true&" + EAST_AYRSHIRE, users.fiona(), seed000).body())
                .path("acknowledgement").asString();
        String justiceOnly = "Service Division,EAC Delegated £\nJustice Services,1933000\nHealth Visiting,100\n";

        assertThat(Http.postCsv(query, users.jamie(), seed000).statusCode()).as("staff").isEqualTo(403);
        assertThat(Http.postCsv(query, users.alex(), seed000).statusCode()).as("auditor").isEqualTo(403);
        assertThat(Http.postCsv(query, users.sarah(), seed000).statusCode())
                .as("a manager of Children and Justice: the table also holds an Adult and Older People division").isEqualTo(403);
        assertThat(Http.postCsv(query, users.david(), seed000).statusCode()).as("a manager of another area").isEqualTo(403);
        assertThat(budget.storedLines()).isZero();

        assertThat(Http.postCsv(base + "/imports?year=2022/23&" + EAST_AYRSHIRE, users.sarah(), justiceOnly).statusCode())
                .as("a manager within their own area").isEqualTo(201);
        assertThat(Http.postCsv(query, users.ruth(), seed000).statusCode()).as("admin").isEqualTo(201);
        assertThat(Http.postCsv(base + "/imports?" + SOUTH_LANARKSHIRE + "&fundingSource=Council&year=2021/22", users.fiona(),
                seed("003-net-budget-by-service.tsv")).statusCode()).as("finance officer, divisions of no service area too").isEqualTo(201);
    }

    /** Issue 6's property, end to end: store random tables, then the computed totals are each table's own sums to the penny. */
    @Test
    void randomTablesStoredThroughTheApiTotalToTheirOwnSumsToThePenny() {
        Random random = new Random(20211);
        List<String> divisions = SeedBudgets.eastAyrshire().stream().map(SeedBudgets.SeedLine::division).toList();
        for (int i = 0; i < 8; i++) {
            String year = (2010 + i) + "/" + (11 + i);
            RandomTables.Table table = RandomTables.generate(random, divisions, year);
            boolean asXlsx = i % 2 == 1;
            HttpResponse<String> stored = asXlsx
                    ? Http.upload(base + "/imports?" + EAST_AYRSHIRE, users.fiona(), "table.xlsx", XLSX, xlsx(table.rows(), Map.of()))
                    : Http.postBody(base + "/imports?" + EAST_AYRSHIRE, users.fiona(), "text/tab-separated-values",
                    table.tsv().getBytes(StandardCharsets.UTF_8));
            assertThat(stored.statusCode()).as(table.tsv() + stored.body()).isEqualTo(201);
            assertThat(JSON.readTree(stored.body()).path("lines")).hasSize(table.nonZeroCells());

            JsonNode byDivision = totals("by=division&year=" + year);
            assertThat(budgets(byDivision, "division")).as(table.tsv()).isEqualTo(text(table.byDivision()));
            assertThat(byDivision.path("total").path("budget").asString()).isEqualTo(table.total().toString());
            assertThat(budgets(totals("by=fundingSource&year=" + year), "fundingSource")).as(table.tsv())
                    .isEqualTo(text(table.byFunder()));
        }
    }

    @Test
    void aLinesExportHoldsExactlyTheLinesTheListShowsForAnyFilterWithExactMoney() throws IOException {
        Http.upload(base + "/imports?" + SEED_004_LAYOUT, users.fiona(), "d-and-g.tsv", "text/tab-separated-values",
                seed("004-subjective-analysis-2019-20.tsv").getBytes(StandardCharsets.UTF_8));
        Http.postCsv(base + "/imports?" + SOUTH_LANARKSHIRE + "&fundingSource=Council&year=2021/22", users.fiona(), seed("003-net-budget-by-service.tsv"));
        int lines = SeedBudgets.dumfriesAndGalloway().size() + 4;
        assertThat(budget.storedLines()).isEqualTo(lines);

        for (String filter : List.of("", "year=2019/20", "category=STAFF", "division=Public%20Protection", "sort=amount,desc",
                "organisation=" + enc(SeedBudgets.SOUTH_LANARKSHIRE) + "&sort=amount,asc", "serviceArea=Children%20and%20Justice",
                "q=families", "status=RED")) {
            JsonNode page = JSON.readTree(Http.get(base + "/lines?size=200&" + filter, users.alex()).body());
            List<String> ids = page.path("items").findValuesAsString("id");
            List<String> amounts = page.path("items").findValuesAsString("amount");

            HttpResponse<byte[]> csv = Http.download(base + "/lines/export?" + filter, users.alex());
            assertThat(csv.statusCode()).isEqualTo(200);
            assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(new String(csv.body(), StandardCharsets.UTF_8))).getRecords();
            assertThat(records.stream().map(r -> r.get("Line Id")).toList()).as(filter).isEqualTo(ids);
            assertThat(records.stream().map(r -> r.get("Amount")).toList()).as(filter).isEqualTo(amounts);

            HttpResponse<byte[]> xlsx = Http.download(base + "/lines/export?format=xlsx&" + filter, users.alex());
            assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
            List<List<Object>> sheet = sheet(xlsx.body());
            int amount = sheet.getFirst().indexOf("Amount");
            assertThat(sheet.subList(1, sheet.size()).stream().map(r -> r.getFirst()).toList()).as(filter).isEqualTo(ids);
            assertThat(sheet.subList(1, sheet.size()).stream().map(r -> new Money(((BigDecimal) r.get(amount)).setScale(2)).toString())
                    .toList()).as(filter).isEqualTo(amounts);
            if (filter.isEmpty()) {
                assertThat(ids).hasSize(lines);
            }
        }
        assertThat(Http.get(base + "/lines/export?format=pdf", users.alex()).body()).contains("\"field\":\"format\"");
    }

    @Test
    void aTotalsExportHasTheFiguresAndSharesOfTheTotalsForAnyGrouping() throws IOException {
        Http.postCsv(base + "/imports?" + SOUTH_LANARKSHIRE + "&fundingSource=Council&year=2021/22", users.fiona(), seed("003-net-budget-by-service.tsv"));
        Http.upload(base + "/imports?" + SEED_004_LAYOUT, users.fiona(), "d-and-g.xlsx", XLSX,
                xlsx(rows("004-subjective-analysis-2019-20.tsv"), Map.of()));

        for (String query : List.of("by=division&" + SOUTH_LANARKSHIRE, "by=organisation,year", "by=division,kind&year=2019/20",
                "by=category&category=STAFF")) {
            JsonNode totals = totals(query);
            HttpResponse<byte[]> csv = Http.download(base + "/totals/export?" + query, users.alex());
            assertThat(csv.statusCode()).as(query).isEqualTo(200);
            List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new java.io.StringReader(new String(csv.body(), StandardCharsets.UTF_8))).getRecords();
            assertThat(records).hasSize(totals.path("groups").size() + 1);
            for (int i = 0; i < totals.path("groups").size(); i++) {
                JsonNode group = totals.path("groups").get(i);
                assertThat(records.get(i).get("Budget")).as(query).isEqualTo(group.path("budget").asString());
                assertThat(records.get(i).get("Share %")).isEqualTo(group.path("sharePercent").isNull() ? "" : group.path("sharePercent").asString());
                assertThat(records.get(i).get("Lines")).isEqualTo(group.path("lines").asString());
            }
            CSVRecord total = records.getLast();
            assertThat(total.get(0)).isEqualTo("Total");
            assertThat(total.get("Budget")).isEqualTo(totals.path("total").path("budget").asString());

            List<List<Object>> sheet = sheet(Http.download(base + "/totals/export?format=xlsx&" + query, users.alex()).body());
            int budget = sheet.getFirst().indexOf("Budget");
            assertThat(new Money(((BigDecimal) sheet.getLast().get(budget)).setScale(2)).toString())
                    .isEqualTo(totals.path("total").path("budget").asString());
        }
        List<CSVRecord> shares = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(new String(Http.download(base + "/shares/export?by=division&" + SOUTH_LANARKSHIRE,
                        users.alex()).body(), StandardCharsets.UTF_8))).getRecords();
        assertThat(shares.stream().limit(4).map(r -> r.get("Division") + " " + r.get("Share %")).toList()).containsExactly(
                "Adult and Older People 75", "Children and Families 19", "Justice and Substance Misuse 1", "Performance and Support Services 5");
    }

    private JsonNode totals(String query) {
        HttpResponse<String> response = Http.get(base + "/totals?" + query, users.alex());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Map<String, String> budgets(JsonNode totals, String key) {
        Map<String, String> out = new LinkedHashMap<>();
        totals.path("groups").forEach(g -> out.put(g.path("key").path(key).asString(), g.path("budget").asString()));
        return out;
    }

    private static Map<String, String> text(Map<String, Money> money) {
        Map<String, String> out = new HashMap<>();
        money.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }

    private static String seed(String name) {
        try (InputStream in = BudgetImportApiTest.class.getClassLoader().getResourceAsStream("seeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<List<String>> rows(String name) {
        return seed(name).lines().map(l -> Arrays.asList(l.split("\t", -1))).toList();
    }

    /**
     * A workbook as a person would keep the table: figures as number cells ("(243,922)" as -243922,
     * "1,234.50" as 1234.5), words as text; columns listed in {@code percentColumns} as Excel percentages (5 as 0.05).
     */
    static byte[] xlsx(List<List<String>> rows, Map<Integer, String> percentColumns) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Budget");
            Map<Integer, CellStyle> styles = new HashMap<>();
            percentColumns.forEach((c, format) -> {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(format));
                styles.put(c, style);
            });
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String text = rows.get(r).get(c);
                    if (text.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    String plain = text.replace(",", "").replace("£", "");
                    boolean negative = plain.startsWith("(") && plain.endsWith(")");
                    plain = negative ? plain.substring(1, plain.length() - 1) : plain;
                    if (r > 0 && plain.matches("-?\\d+(\\.\\d+)?")) {
                        BigDecimal value = new BigDecimal(plain);
                        value = negative ? value.negate() : value;
                        if (styles.containsKey(c)) {
                            cell.setCellValue(value.movePointLeft(2).doubleValue());
                            cell.setCellStyle(styles.get(c));
                        } else {
                            cell.setCellValue(value.doubleValue());
                        }
                    } else {
                        cell.setCellValue(text);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workbook's first sheet: text cells as String, number cells as exact-as-shown BigDecimal. */
    private static List<List<Object>> sheet(byte[] bytes) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            List<List<Object>> rows = new ArrayList<>();
            for (Row row : workbook.getSheetAt(0)) {
                List<Object> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : switch (cell.getCellType()) {
                        case NUMERIC -> new BigDecimal(Double.toString(cell.getNumericCellValue()));
                        default -> cell.getStringCellValue();
                    });
                }
                rows.add(cells);
            }
            return rows;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
