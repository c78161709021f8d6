package org.waypoint.risk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.risk.register.persistence.RiskRegisterDocument;
import org.waypoint.risk.risk.persistence.RiskDocument;
import org.waypoint.risk.support.Http;
import org.waypoint.risk.support.RiskServiceRunning;
import org.waypoint.testsupport.Services;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CSV and XLSX in and out of a register, with seed 000's columns and a row-by-row report; all or nothing. */
class RegisterImportExportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Seed 000's table (HTML paragraphs and all), with a wrong score on row 3 (seed 000 itself says 20). */
    private static final String SEED_000 = """
            Code,Risk Description,Likelihood,Severity,Risk Score,Risk Mitigation,Category
            CHCJRISK01,"<p>Failure to protect children & young people</p> <p>Increased demand for and complexity of public protection work related to the pandemic.</p>",3,5,15,"Public Protection Covid Guidance in place
            Routine weekly public protection data monitoring",Public protection
            CHCJRISK02,"<p>Failure to be sustainable</p> <p>Reduction in public services funding.</p>",4,5,16,Agile and smarter working,Financial
            CHCJRISK03,<p>Failure to manage and support change</p>,3,4,12,,Workforce
            CHCJRISK06,<p>Failure due to working restrictions in place as a result of COVID-19</p>,2,2,4,• Strong supportive and regular supervision • Improved communication across services,
            """;

    static RiskServiceRunning service;
    static String base;
    static String officer;
    String registerId;

    @BeforeAll
    static void start() {
        service = new RiskServiceRunning("risks-transfer-test");
        base = service.base;
        officer = service.officer;
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @BeforeEach
    void empty() {
        service.empty(RiskDocument.COLLECTION, RiskRegisterDocument.COLLECTION);
        registerId = newRegister("CHCJ Service Improvement Plan 2021/24");
    }

    @Test
    void importingSeed000ReportsEveryRowAndAWrongScoreIsReportedNotStored() {
        JsonNode report = importCsv(registerId, SEED_000, "defaultCategory=Workforce");

        assertThat(report.path("rows").asInt()).isEqualTo(4);
        assertThat(report.path("created").asInt()).isEqualTo(4);
        assertThat(report.path("rejected").asInt()).isZero();
        assertThat(report.path("stored").asBoolean()).isTrue();
        JsonNode rows = report.path("report");
        assertThat(rows.get(0).path("outcome").asString()).isEqualTo("CREATED");
        assertThat(rows.get(0).path("warnings")).isEmpty();
        assertThat(rows.get(1).path("code").asString()).isEqualTo("CHCJRISK02");
        assertThat(rows.get(1).path("score").asInt()).isEqualTo(20);
        assertThat(rows.get(1).path("warnings").get(0).asString())
                .contains("Risk Score 16 disagrees with Likelihood x Severity = 4 x 5 = 20");
        assertThat(rows.get(3).path("row").asLong()).isEqualTo(5); // spreadsheet rows: header is 1; a quoted line break stays in its row

        JsonNode risks = JSON.readTree(Services.get(base + "/api/risks?registerId=" + registerId, officer).body());
        assertThat(risks.path("total").asInt()).isEqualTo(4);
        JsonNode first = risks.path("items").get(0);
        assertThat(first.path("title").asString()).isEqualTo("Failure to protect children & young people");
        assertThat(first.path("description").asString()).startsWith("Increased demand");
        assertThat(first.path("mitigations")).hasSize(2);
        JsonNode sixth = risks.path("items").get(3);
        assertThat(sixth.path("category").asString()).isEqualTo("Workforce");
        assertThat(sixth.path("mitigations")).hasSize(2);
        assertThat(risks.path("items").get(1).path("current").path("score").asInt()).isEqualTo(20);
    }

    @Test
    void oneWrongRowRefusesTheWholeFileWith400NamingTheRowAndColumnAndStoresNothing() {
        String wrong = SEED_000.replace("CHCJRISK03,<p>Failure to manage and support change</p>,3,4,12",
                "CHCJRISK03,<p>Failure to manage and support change</p>,6,4,24");

        HttpResponse<String> refused = Http.send("POST", base + "/api/risk-registers/" + registerId + "/import?defaultCategory=Workforce",
                officer, null, "text/csv", wrong);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("rows[4].Likelihood");
        assertThat(problem.path("errors").get(0).path("message").asString()).contains("6");
        assertThat(problem.path("detail").asString()).contains("nothing was stored");
        JsonNode report = problem.path("report");
        assertThat(report.path("stored").asBoolean()).isFalse();
        assertThat(report.path("rejected").asInt()).isEqualTo(1);
        assertThat(report.path("report").get(2).path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(report.path("report").get(0).path("outcome").asString()).as("the good rows are reported as they would go")
                .isEqualTo("CREATED");
        assertThat(mongo().count(new Query(), RiskDocument.COLLECTION)).isZero();
    }

    @Test
    void aDryRunReportsButStoresNothing() {
        JsonNode report = importCsv(registerId, SEED_000, "dryRun=true&defaultCategory=Workforce");

        assertThat(report.path("dryRun").asBoolean()).isTrue();
        assertThat(report.path("stored").asBoolean()).isFalse();
        assertThat(report.path("created").asInt()).isEqualTo(4);
        assertThat(mongo().count(new Query(), RiskDocument.COLLECTION)).isZero();
    }

    @Test
    void anExportedRegisterImportsIntoAnotherAsTheSameRisksAndBackIntoItselfUnchanged() {
        importCsv(registerId, SEED_000, "defaultCategory=Workforce");

        HttpResponse<String> exported = Services.get(base + "/api/risk-registers/" + registerId + "/export.csv", officer);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(exported.body()).startsWith("Code,Title,Risk Description,Risk Factors,Category,Owner");
        assertThat(exported.body().lines().findFirst().orElseThrow()).endsWith(",Status,Register");
        assertThat(exported.body()).contains("CHCJRISK02").contains("Very high").contains("CHCJ Service Improvement Plan 2021/24");

        JsonNode same = importCsv(registerId, exported.body(), "");
        assertThat(same.path("unchanged").asInt()).isEqualTo(4);

        String copy = newRegister("A copy");
        JsonNode copied = importCsv(copy, exported.body(), "");
        assertThat(copied.path("created").asInt()).as(copied.toString()).isEqualTo(4);
        assertThat(copied.path("report")).allSatisfy(row -> assertThat(row.path("warnings")).isEmpty());
        JsonNode again = JSON.readTree(Services.get(base + "/api/risks?registerId=" + copy + "&sort=code", officer).body());
        assertThat(again.path("items").findValuesAsString("code")).containsExactly("CHCJRISK01", "CHCJRISK02", "CHCJRISK03", "CHCJRISK06");
        assertThat(again.path("items").get(1).path("current").path("score").asInt()).isEqualTo(20);
    }

    @Test
    void reimportingWithNewRatingsReassessesAndRecordsWhy() {
        importCsv(registerId, SEED_000, "defaultCategory=Workforce");

        JsonNode report = importCsv(registerId, "Code,Likelihood,Severity\nCHCJRISK01,2,5\n", "");

        assertThat(report.path("updated").asInt()).isEqualTo(1);
        String id = JSON.readTree(Services.get(base + "/api/risks?q=CHCJRISK01", officer).body()).path("items").get(0).path("id").asString();
        JsonNode history = JSON.readTree(Services.get(base + "/api/risks/" + id + "/history", officer).body());
        assertThat(history.get(history.size() - 1).path("justification").asString()).contains("Imported from CSV");
        assertThat(history.get(history.size() - 1).path("after").path("score").asInt()).isEqualTo(10);
    }

    @Test
    void aFileWithoutACodeColumnIsRefusedAndAStaffMemberMayNotImport() {
        HttpResponse<String> noCode = Http.send("POST", base + "/api/risk-registers/" + registerId + "/import", officer, null,
                "text/csv", "Risk,Likelihood\nx,3\n");
        assertThat(noCode.statusCode()).isEqualTo(400);
        assertThat(noCode.body()).contains("\"field\":\"file\"");

        String staff = service.jamie;
        assertThat(Http.send("POST", base + "/api/risk-registers/" + registerId + "/import", staff, null, "text/csv", SEED_000)
                .statusCode()).isEqualTo(403);
        assertThat(mongo().count(new Query(), RiskDocument.COLLECTION)).isZero();
    }

    @Test
    void anXlsxExportImportsBackWithoutAProblemAsFileOrFormUpload() throws Exception {
        importCsv(registerId, SEED_000, "defaultCategory=Workforce");

        HttpResponse<byte[]> exported = Http.download(base + "/api/risk-registers/" + registerId + "/export.xlsx", officer);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
        assertThat(exported.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(exported.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            String csvHeader = Services.get(base + "/api/risk-registers/" + registerId + "/export.csv", officer).body()
                    .lines().findFirst().orElseThrow();
            assertThat(String.join(",", header)).as("the same columns as the CSV").isEqualTo(csvHeader);
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(sheet.getRow(2).getCell(header.indexOf("Risk Score")).getNumericCellValue()).isEqualTo(20);
        }

        JsonNode same = importXlsx(registerId, exported.body(), "dryRun=true");
        assertThat(same.path("unchanged").asInt()).as(same.toString()).isEqualTo(4);

        String copy = newRegister("A copy");
        JsonNode dryRun = importXlsx(copy, exported.body(), "dryRun=true");
        assertThat(dryRun.path("created").asInt()).as(dryRun.toString()).isEqualTo(4);
        assertThat(dryRun.path("rejected").asInt()).isZero();
        assertThat(dryRun.path("report")).allSatisfy(row -> {
            assertThat(row.path("warnings")).as(row.toString()).isEmpty();
            assertThat(row.path("errors")).isEmpty();
        });
        assertThat(risksIn(copy)).isEmpty();

        HttpResponse<String> uploaded = Http.upload(base + "/api/risk-registers/" + copy + "/import", officer, "register.xlsx",
                "application/octet-stream", exported.body());
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(JSON.readTree(uploaded.body()).path("created").asInt()).isEqualTo(4);
        assertThat(risksIn(copy)).containsExactly("CHCJRISK01", "CHCJRISK02", "CHCJRISK03", "CHCJRISK06");
        JsonNode copied = JSON.readTree(Services.get(base + "/api/risks?registerId=" + copy + "&q=CHCJRISK01", officer).body())
                .path("items").get(0);
        assertThat(copied.path("title").asString()).isEqualTo("Failure to protect children & young people");
        assertThat(copied.path("mitigations")).hasSize(2);
    }

    @Test
    void aCsvFileUploadedThroughAFormIsImportedLikeABody() {
        HttpResponse<String> uploaded = Http.upload(base + "/api/risk-registers/" + registerId + "/import?defaultCategory=Workforce",
                officer, "register.csv", "text/csv", SEED_000.getBytes(StandardCharsets.UTF_8));

        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        assertThat(JSON.readTree(uploaded.body()).path("created").asInt()).isEqualTo(4);
        assertThat(risksIn(registerId)).hasSize(4);
    }

    @Test
    void aScoreInAnXlsxRowThatDisagreesWithLikelihoodTimesSeverityIsReportedAndTheComputedOneStored() {
        byte[] xlsx = workbook(List.of("Code", "Risk Description", "Likelihood", "Severity", "Risk Score", "Category"),
                List.of(List.of("CHCJRISK02", "Failure to be sustainable", 4, 5, 16, "Financial"),
                        List.of("CHCJRISK05", "Failure to move to a more preventive model", 2, 4, 8, "Service delivery")));

        JsonNode report = importXlsx(registerId, xlsx, "");

        assertThat(report.path("created").asInt()).isEqualTo(2);
        JsonNode row = report.path("report").get(0);
        assertThat(row.path("row").asLong()).isEqualTo(2);
        assertThat(row.path("score").asInt()).isEqualTo(20);
        assertThat(row.path("warnings").get(0).asString()).contains("Risk Score 16 disagrees with Likelihood x Severity = 4 x 5 = 20");
        assertThat(report.path("report").get(1).path("warnings")).isEmpty();
        JsonNode stored = JSON.readTree(Services.get(base + "/api/risks?registerId=" + registerId + "&q=CHCJRISK02", officer).body())
                .path("items").get(0);
        assertThat(stored.path("current").path("score").asInt()).isEqualTo(20);
        assertThat(stored.path("current").path("band").asString()).isEqualTo("VERY_HIGH");
    }

    @Test
    void malformedXlsxRowsAre400NamingEachRowAndColumnAndNothingIsStored() {
        byte[] xlsx = workbook(List.of("Code", "Title", "Likelihood", "Severity", "Category"),
                List.of(List.of("CHCJRISK01", "Failure to protect children", 3, 5, "Public protection"),
                        List.of("CHCJRISK02", "Failure to be sustainable", "high", 5, "Financial"),
                        List.of("CHCJRISK03", "Failure to manage change", 3, 0, "Workforce")));

        HttpResponse<String> refused = Http.upload(base + "/api/risk-registers/" + registerId + "/import", officer, "register.xlsx",
                XLSX, xlsx);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("rows[3].Likelihood", "rows[4].Severity");
        assertThat(problem.path("report").path("report").get(0).path("outcome").asString()).isEqualTo("CREATED");
        assertThat(mongo().count(new Query(), RiskDocument.COLLECTION)).isZero();

        HttpResponse<String> notAWorkbook = Http.sendBytes("POST", base + "/api/risk-registers/" + registerId + "/import", officer,
                XLSX, "Code,Likelihood\nX,1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(notAWorkbook.statusCode()).isEqualTo(400);
        assertThat(notAWorkbook.body()).contains("\"field\":\"file\"").contains("XLSX");
        assertThat(mongo().count(new Query(), RiskDocument.COLLECTION)).isZero();
    }

    @Test
    void exportsHoldExactlyTheRisksTheListShowsForTheSameFilters() throws Exception {
        importCsv(registerId, SEED_000, "defaultCategory=Workforce");
        String other = newRegister("Adult services register", "Adult and Older People");
        importCsv(other, "Code,Title,Likelihood,Severity,Category\nAOPRISK01,Care home capacity,4,4,Service delivery\n", "");

        for (String filter : List.of("", "category=Financial", "band=HIGH", "q=sustainable", "serviceArea=Adult%20and%20Older%20People",
                "registerId=" + registerId + "&band=LOW", "sort=score,desc", "status=CLOSED")) {
            List<String> listed = new ArrayList<>();
            JSON.readTree(Services.get(base + "/api/risks?size=200&" + filter, officer).body()).path("items")
                    .forEach(r -> listed.add(r.path("code").asString()));
            assertThat(codesOfCsv(Services.get(base + "/api/risks/export?" + filter, officer).body())).as(filter)
                    .containsExactlyElementsOf(listed);
            assertThat(codesOfXlsx(Http.download(base + "/api/risks/export?format=xlsx&" + filter, officer).body())).as(filter)
                    .containsExactlyElementsOf(listed);
            if (filter.isEmpty()) {
                assertThat(listed).hasSize(5);
            } else if (filter.equals("category=Financial")) {
                assertThat(listed).containsExactly("CHCJRISK02");
            }
        }
        assertThat(codesOfCsv(Services.get(base + "/api/risk-registers/" + registerId + "/export?band=HIGH", officer).body()))
                .containsExactly("CHCJRISK01", "CHCJRISK03");
        assertThat(codesOfXlsx(Http.download(base + "/api/risk-registers/" + registerId + "/export?format=xlsx&sort=score,desc",
                officer).body())).containsExactly("CHCJRISK02", "CHCJRISK01", "CHCJRISK03", "CHCJRISK06");
        assertThat(Services.get(base + "/api/risks/export?format=pdf", officer).body()).contains("\"field\":\"format\"");
        assertThat(Services.get(base + "/api/risks/export?band=PURPLE", officer).statusCode()).isEqualTo(400);
        assertThat(Services.get(base + "/api/risk-registers/nope/export.xlsx", officer).statusCode()).isEqualTo(404);
    }

    /** What a spreadsheet would run as a formula if a cell started with it (OWASP: CSV injection). */
    private static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1");

    @Test
    void noExportedCsvCellOpensAsAFormulaAndXlsxCellsAreStrings() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < FORMULAS.size(); i++) {
            HttpResponse<String> raised = Services.post(base + "/api/risks", officer, """
                    {"registerId":"%s","code":"INJ%d","title":"placeholder","description":"placeholder","category":"Financial",
                     "owner":{"name":"Jamie Wilson","username":"jamie.lead"},"current":{"likelihood":2,"impact":3}}"""
                    .formatted(registerId, i));
            assertThat(raised.statusCode()).as(raised.body()).isEqualTo(201);
            ids.add(JSON.readTree(raised.body()).path("id").asString());
        }
        // stored as typed (the API refuses a title with a tab or CR and strips the ends of a description,
        // so the tab and CR cases are written as older data or another writer would have left them)
        for (int i = 0; i < FORMULAS.size(); i++) {
            mongo().updateFirst(Query.query(org.springframework.data.mongodb.core.query.Criteria.where("_id").is(ids.get(i))),
                    new org.springframework.data.mongodb.core.query.Update().set("title", FORMULAS.get(i))
                            .set("description", FORMULAS.get(i)), RiskDocument.COLLECTION);
        }

        for (String url : List.of(base + "/api/risk-registers/" + registerId + "/export.csv", base + "/api/risks/export?format=csv")) {
            HttpResponse<byte[]> exported = Http.download(url, officer);
            assertThat(exported.statusCode()).isEqualTo(200);
            List<org.apache.commons.csv.CSVRecord> records = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader()
                    .setSkipHeaderRecord(true).get().parse(new java.io.StringReader(new String(exported.body(), StandardCharsets.UTF_8)))
                    .getRecords();
            assertThat(records).as(url).hasSize(FORMULAS.size());
            for (org.apache.commons.csv.CSVRecord record : records) {
                String formula = FORMULAS.get(Integer.parseInt(record.get("Code").substring(3)));
                assertThat(record.get("Title")).as(url + " title " + record.get("Code")).isEqualTo("'" + formula);
                assertThat(record.get("Risk Description")).as(url + " description " + record.get("Code")).isEqualTo("'" + formula);
                assertThat(record.get("Likelihood")).as("numbers stay numbers").isEqualTo("2");
            }
        }

        HttpResponse<byte[]> xlsx = Http.download(base + "/api/risk-registers/" + registerId + "/export.xlsx", officer);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                row.forEach(cell -> assertThat(cell.getCellType()).as("no formula cell").isNotEqualTo(org.apache.poi.ss.usermodel.CellType.FORMULA));
                String formula = FORMULAS.get(Integer.parseInt(row.getCell(0).getStringCellValue().substring(3)));
                for (String column : List.of("Title", "Risk Description")) {
                    org.apache.poi.ss.usermodel.Cell cell = row.getCell(header.indexOf(column));
                    assertThat(cell.getCellType()).as(column).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                    assertThat(cell.getStringCellValue()).as(column).isEqualTo(formula);
                }
            }
        }
    }

    @Test
    void aWindows1252CsvIsStoredAsTyped() {
        byte[] windows1252 = "Code,Title,Risk Description,Likelihood,Severity,Category\r\nCAFE01,Caf\u00e9 contract,caf\u00e9 \u00a3100 a week,3,3,Financial\r\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1252"));

        HttpResponse<String> body = Http.sendBytes("POST", base + "/api/risk-registers/" + registerId + "/import", officer, "text/csv",
                windows1252);
        assertThat(body.statusCode()).as(body.body()).isEqualTo(200);
        String copy = newRegister("A copy");
        HttpResponse<String> uploaded = Http.upload(base + "/api/risk-registers/" + copy + "/import", officer, "register.csv",
                "text/csv", windows1252);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);

        for (String register : List.of(registerId, copy)) {
            JsonNode stored = JSON.readTree(Services.get(base + "/api/risks?registerId=" + register, officer).body()).path("items").get(0);
            assertThat(stored.path("title").asString()).isEqualTo("Caf\u00e9 contract");
            assertThat(stored.path("description").asString()).isEqualTo("caf\u00e9 \u00a3100 a week");
        }
        HttpResponse<String> utf8 = Http.sendBytes("POST", base + "/api/risk-registers/" + newRegister("UTF-8") + "/import", officer,
                "text/csv", "Code,Title,Likelihood,Severity,Category\nCAFE02,caf\u00e9 \u00a3100,3,3,Financial\n".getBytes(StandardCharsets.UTF_8));
        assertThat(utf8.statusCode()).as(utf8.body()).isEqualTo(200);
        assertThat(Services.get(base + "/api/risks?q=CAFE02", officer).body()).contains("caf\u00e9 \u00a3100");
    }

    @Test
    void aControlCharacterInAnImportedOneLineFieldRejectsTheRowNamingItsColumn() {
        HttpResponse<String> refused = Http.send("POST", base + "/api/risk-registers/" + registerId + "/import", officer, null, "text/csv",
                "Code,Title,Likelihood,Severity,Category,Owner\nCHCJRISK01,\"Failure\u0007 to protect\",3,5,Public protection,Jamie\n"
                        + "CHCJRISK02,Failure to be sustainable,4,5,Financial,\"Jamie\u001b Wilson\"\n");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).path("errors").findValuesAsString("field"))
                .containsExactly("rows[2].Title", "rows[3].Owner");
        assertThat(mongo().count(new Query(), RiskDocument.COLLECTION)).isZero();
    }

    private static List<String> codesOfCsv(String csv) {
        return csv.lines().skip(1).filter(l -> l.matches("^[A-Z0-9]+RISK\\d+,.*")).map(l -> l.substring(0, l.indexOf(','))).toList();
    }

    private static List<String> codesOfXlsx(byte[] xlsx) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> codes = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                codes.add(sheet.getRow(r).getCell(0).getStringCellValue());
            }
            return codes;
        }
    }

    private static byte[] workbook(List<String> header, List<List<Object>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Register");
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object v = rows.get(r).get(c);
                    if (v instanceof Integer n) {
                        row.createCell(c).setCellValue(n); // a number cell, as Excel stores it (a double)
                    } else {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> risksIn(String register) {
        List<String> codes = new ArrayList<>();
        JSON.readTree(Services.get(base + "/api/risks?registerId=" + register + "&sort=code", officer).body()).path("items")
                .forEach(r -> codes.add(r.path("code").asString()));
        return codes;
    }

    private static JsonNode importXlsx(String register, byte[] xlsx, String query) {
        HttpResponse<String> response = Http.sendBytes("POST", base + "/api/risk-registers/" + register + "/import?" + query, officer,
                XLSX, xlsx);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static String newRegister(String name, String serviceArea) {
        HttpResponse<String> created = Services.post(base + "/api/risk-registers", officer,
                "{\"name\":\"" + name + "\",\"serviceArea\":\"" + serviceArea + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }

    private static String newRegister(String name) {
        HttpResponse<String> created = Services.post(base + "/api/risk-registers", officer,
                "{\"name\":\"" + name + "\",\"serviceArea\":\"Children and Justice\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asString();
    }

    private static JsonNode importCsv(String register, String csv, String query) {
        HttpResponse<String> response = Http.send("POST", base + "/api/risk-registers/" + register + "/import?" + query, officer,
                null, "text/csv", csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static MongoTemplate mongo() {
        return service.mongo();
    }
}
