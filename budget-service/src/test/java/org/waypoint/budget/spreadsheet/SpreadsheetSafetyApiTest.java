package org.waypoint.budget.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.waypoint.budget.BudgetServiceFixture;
import org.waypoint.budget.Http;
import org.waypoint.budget.Users;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 16: what anyone may type into a budget line leaves the service as text a spreadsheet shows,
 * never as a formula (CSV through the platform's CsvTables, XLSX as string and number cells), and an
 * uploaded table saved by Excel as Windows-1252 "CSV" is stored as typed. The catalogue here has
 * divisions named like formulas, which a council's catalogue could (by mistake or malice) hold too.
 */
class SpreadsheetSafetyApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ORGANISATION = "Formula Council";
    /** What a spreadsheet would run or read as a formula, OWASP's list: one-line fields cannot hold a tab or CR. */
    private static final List<String> ONE_LINE = List.of("=cmd|' /C calc'!A0", "+1", "-1+1", "@SUM(A1)");
    /** Multi-line text (description, commentary) may also hold a tab or a carriage return (at the start: stripped when kept). */
    private static final List<String> MULTI_LINE = List.of("=cmd|' /C calc'!A0", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1");
    private static final String CAFE = "Café £100";

    @RegisterExtension
    static final BudgetServiceFixture budget = catalogue(BudgetServiceFixture.of("budgets-spreadsheet-safety-test")
            .emptiedBeforeEachTest());

    final String base = budget.base();
    final Users users = budget.users();

    private static BudgetServiceFixture catalogue(BudgetServiceFixture fixture) {
        String org = "waypoint.budget.organisations[0]";
        fixture.with(org + ".name", ORGANISATION);
        List<String> divisions = new ArrayList<>(ONE_LINE);
        divisions.add(CAFE);
        divisions.add("Plain Division");
        for (int i = 0; i < divisions.size(); i++) {
            fixture.with(org + ".divisions[" + i + "].name", divisions.get(i));
            fixture.with(org + ".divisions[" + i + "].service-area", "Children and Justice");
        }
        return fixture;
    }

    /** How a text cell starting with = + - @ must be written: with a leading apostrophe (a division named +1 is text too). */
    private static String neutralised(String text) {
        return "'" + text;
    }

    @Test
    void everyTextCellOfTheCsvExportsThatASpreadsheetWouldTakeForAFormulaStartsWithAnApostropheAndMoneyStaysANumber() throws IOException {
        for (String text : ONE_LINE) {
            line(text, text, text, text, text);
        }
        for (String text : MULTI_LINE.subList(4, 6)) {
            line("Plain Division", "Plain Project " + MULTI_LINE.indexOf(text), "Plain Funder", text, text);
        }

        List<CSVRecord> records = csv(base + "/lines/export?format=csv&sort=created,asc");

        assertThat(records).hasSize(6);
        for (int i = 0; i < ONE_LINE.size(); i++) {
            CSVRecord r = records.get(i);
            String expected = neutralised(ONE_LINE.get(i));
            for (String column : List.of("Division", "Project", "Funding Source", "Description", "Holder", "Latest Commentary")) {
                assertThat(r.get(column)).as(column + " of " + ONE_LINE.get(i)).isEqualTo(expected);
            }
        }
        for (int i = 4; i < 6; i++) {
            // text is kept stripped of leading and trailing white space, so "\t=1" is kept as "=1": still never a formula
            assertThat(records.get(i).get("Description")).isEqualTo("'" + MULTI_LINE.get(i).strip());
            assertThat(records.get(i).get("Latest Commentary")).isEqualTo("'" + MULTI_LINE.get(i).strip());
        }
        assertThat(records).allSatisfy(r -> {
            assertThat(r.get("Amount")).isEqualTo("-1200.50");
            assertThat(r.get("Actual To Date")).isEqualTo("-600.25");
            assertThat(r.get("Projected Outturn")).isEqualTo("-1300.00");
            assertThat(r.get("Variance")).isEqualTo("-99.50");
            assertThat(r.get("Variance %")).isEqualTo("-8.29");
            assertThat(r.get("Outturn %")).isEqualTo("108.29");
        });

        for (String export : List.of("/totals/export?by=division,project,fundingSource", "/shares/export?by=division,project")) {
            List<CSVRecord> totals = csv(base + export);
            for (String text : ONE_LINE) {
                assertThat(totals).as(export).anySatisfy(r -> {
                    assertThat(r.get("Division")).isEqualTo(neutralised(text));
                    assertThat(r.get("Project")).isEqualTo(neutralised(text));
                    assertThat(r.get("Budget")).isEqualTo("-1200.50");
                });
            }
            assertThat(totals.getLast().get("Budget")).isEqualTo("-7203.00");
        }
    }

    @Test
    void xlsxExportsHoldTheTextAsTypedInStringCellsAndMoneyInNumberCellsNeverAFormula() throws IOException {
        for (String text : ONE_LINE) {
            line(text, text, text, text, text);
        }
        line("Plain Division", "Plain Project", "Plain Funder", "\t=1", "\r=1");

        for (String export : List.of("/lines/export?format=xlsx&sort=created,asc", "/totals/export?format=xlsx&by=division,project",
                "/shares/export?format=xlsx&by=division")) {
            HttpResponse<byte[]> file = Http.download(base + export, users.alex());
            assertThat(file.statusCode()).isEqualTo(200);
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
                List<String> divisions = new ArrayList<>();
                for (Row row : workbook.getSheetAt(0)) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(export + " " + cell.getAddress()).isIn(CellType.STRING, CellType.NUMERIC);
                    }
                    if (row.getRowNum() > 0) {
                        divisions.add(row.getCell(export.startsWith("/lines") ? 4 : 0).getStringCellValue());
                    }
                }
                assertThat(divisions).as(export).containsAll(ONE_LINE);
            }
        }
    }

    @Test
    void aWindows1252CsvIsStoredAsTyped() {
        byte[] table = ("Service Division,Council £\n" + CAFE + ",100\n").getBytes(Charset.forName("windows-1252"));
        String query = "/imports?organisation=" + URLEncoder.encode(ORGANISATION, StandardCharsets.UTF_8) + "&year=2021/22";

        HttpResponse<String> checked = Http.postBody(base + "/imports/check", users.fiona(), "text/csv", table);
        assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
        assertThat(JSON.readTree(checked.body()).path("lines").findValuesAsString("label")).containsExactly(CAFE);

        HttpResponse<String> stored = Http.postBody(base + query, users.fiona(), "text/csv", table);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        HttpResponse<String> uploaded = Http.upload(base + query.replace("2021/22", "2022/23"), users.fiona(), "budget.csv",
                "text/csv", table);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);

        JsonNode lines = JSON.readTree(Http.get(base + "/lines?organisation=" + URLEncoder.encode(ORGANISATION, StandardCharsets.UTF_8),
                users.alex()).body()).path("items");
        assertThat(lines.findValuesAsString("division")).containsExactly(CAFE, CAFE);
        assertThat(lines.findValuesAsString("fundingSource")).containsExactly("Council", "Council");
        assertThat(lines.findValuesAsString("amount")).containsExactly("100.00", "100.00");
    }

    /** An income line of -1200.50 with its text fields as given, monitored once (commentary as given). */
    private void line(String division, String project, String fundingSource, String description, String commentary) {
        Map<String, Object> body = Map.of("financialYear", "2021/22", "organisation", ORGANISATION, "division", division,
                "fundingSource", fundingSource, "type", "CAPITAL", "project", project, "category", "FEES_AND_CHARGES",
                "description", description, "amount", "-1200.50",
                "holder", Map.of("name", division.equals("Plain Division") ? "Plain Holder" : division, "username", "jamie.lead"));
        HttpResponse<String> created = Http.post(base + "/lines", users.fiona(), JSON.writeValueAsString(body));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).path("id").asString();
        HttpResponse<String> recorded = Http.post(base + "/lines/" + id + "/monitoring", users.jamie(), JSON.writeValueAsString(
                Map.of("period", "Q2", "actualToDate", "-600.25", "projectedOutturn", -1300, "commentary", commentary)), "\"0\"");
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
    }

    private List<CSVRecord> csv(String url) throws IOException {
        HttpResponse<byte[]> file = Http.download(url, users.alex());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(file.body(), StandardCharsets.UTF_8))).getRecords();
    }
}
