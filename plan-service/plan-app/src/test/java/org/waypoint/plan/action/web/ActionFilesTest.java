package org.waypoint.plan.action.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.plan.support.PlanServiceRunning.ADULTS;
import static org.waypoint.plan.support.PlanServiceRunning.CHILDREN;
import static org.waypoint.plan.support.PlanServiceRunning.assertProblem;
import static org.waypoint.plan.support.PlanServiceRunning.json;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.waypoint.plan.action.persistence.ActionDocument;
import org.waypoint.plan.action.spreadsheet.Spreadsheets;
import org.waypoint.plan.plan.persistence.PlanDocument;
import org.waypoint.plan.support.PlanJson;
import org.waypoint.plan.support.PlanServiceRunning;

import tools.jackson.databind.JsonNode;

/** Importing an action plan from CSV or XLSX with a row-by-row report, and exporting any list. */
class ActionFilesTest {

    static PlanServiceRunning service;
    static final String PLAN = "clacks-childcare-2012";

    /** Seed 002 (Clackmannanshire long-term childcare action plan, 2012): Recommendation / Action / Lead / Review Date / Progress. */
    static final String SEED_002 = """
            Recommendation,Action,Lead,Review Date,Progress,Due
            R1,Develop a permanence planning protocol for looked after children,JM VdS,2012-06-30,40%,2012
            R2,Introduce a tracking system for children in long-term care,Senior Manager,2012-09-30,10,2012
            R3,"Review the fostering and adoption panel arrangements, with partners",JM; Panel Adviser,,0,2013
            """;

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

    @Test
    void aSeedStyleCsvIsImportedRowByRow() {
        HttpResponse<String> response = upload("plan.csv", SEED_002.getBytes(StandardCharsets.UTF_8), false, service.priya);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode report = json(response);
        assertThat(report.path("accepted").asInt()).isEqualTo(3);
        assertThat(report.path("rows").get(0).path("row").asInt()).isEqualTo(2);
        JsonNode r1 = json(service.get("/api/actions?q=permanence%20planning", service.jamie)).path("items").get(0);
        assertThat(r1.path("reference").asString()).isEqualTo("R1");
        assertThat(r1.path("leads").get(0).path("name").asString()).isEqualTo("JM VdS");
        assertThat(r1.path("progressPercent").asInt()).isEqualTo(40);
        assertThat(r1.path("due").path("date").asString()).isEqualTo("2013-03-31");
        assertThat(r1.path("reviewDate").asString()).isEqualTo("2012-06-30");
        assertThat(json(service.get("/api/actions?q=fostering", service.jamie)).path("items").get(0).path("leads")).hasSize(2);
    }

    @Test
    void oneBadRowRejectsTheFileNamesTheRowAndFieldAndStoresNothing() {
        String bad = SEED_002 + "R4,Pilot a new kinship support model,Senior Manager,someday,15%,2013\n"
                + "R5,Extend the kinship model to all localities,Senior Manager,,150%,2013\n";
        HttpResponse<String> response = upload("plan.csv", bad.getBytes(StandardCharsets.UTF_8), false, service.priya);

        assertProblem(response, 400);
        JsonNode problem = json(response);
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactly("rows[5].reviewDate", "rows[6].progress");
        assertThat(problem.path("report").path("accepted").asInt()).isEqualTo(3);
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void aDryRunReportsWithoutStoring() {
        HttpResponse<String> response = upload("plan.csv", SEED_002.getBytes(StandardCharsets.UTF_8), true, service.priya);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("stored").asBoolean()).isFalse();
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void anXlsxFileImportsLikeACsv() throws Exception {
        byte[] xlsx = Spreadsheets.write(List.of("Reference", "Action", "Lead", "Due", "Priority"),
                List.of(List.of("SP-1", "Deliver the Protecting People Multi-Agency Training Programme", "Senior Manager", "2021-24",
                        "Safe and Protected")), Spreadsheets.Format.XLSX);
        HttpResponse<String> response = upload("plan.xlsx", xlsx, false, service.sarah);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(json(service.get("/api/actions?priorityId=SP", service.jamie)).path("total").asInt()).isOne();
    }

    @Test
    void filesThatAreNotTablesOrNotAllowedAreRefused() {
        assertProblem(upload("plan.pdf", "%PDF".getBytes(StandardCharsets.UTF_8), false, service.priya), 400);
        assertProblem(upload("plan.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), false, service.priya), 400);
        assertProblem(upload("plan.csv", "Colour,Size\nred,big\n".getBytes(StandardCharsets.UTF_8), false, service.priya), 400);
        assertProblem(upload("plan.csv", SEED_002.getBytes(StandardCharsets.UTF_8), false, service.jamie), 403);
        assertProblem(upload("plan.csv", SEED_002.getBytes(StandardCharsets.UTF_8), false, service.david), 403);
        assertProblem(upload("plan.csv", SEED_002.getBytes(StandardCharsets.UTF_8), false, null), 401);
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void anUploadThatIsNotReadableMultipartIs400NamingTheFileNever500() {
        for (String body : List.of("", "--elsewhere\r\nnot a part\r\n")) {
            HttpResponse<String> response = PlanServiceRunning.send("POST", service.base + "/api/actions/import?planId=" + PLAN,
                    service.priya, null, body, "multipart/form-data");
            assertProblem(response, 400);
            assertThat(json(response).path("errors").findValuesAsString("field")).containsExactly("file");
        }
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void aFilteredListExportsAsCsvAndXlsx() throws Exception {
        upload("plan.csv", SEED_002.getBytes(StandardCharsets.UTF_8), false, service.priya);

        HttpResponse<String> csv = service.get("/api/actions/export?format=csv&q=fostering", service.alex);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment").contains(".csv");
        List<Spreadsheets.Row> rows = Spreadsheets.read(new ByteArrayInputStream(csv.body().getBytes(StandardCharsets.UTF_8)),
                Spreadsheets.Format.CSV);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.cells().get("Reference")).isEqualTo("R3");
            assertThat(r.cells().get("Leads")).isEqualTo("JM; Panel Adviser");
            assertThat(r.cells().get("Status")).isEqualTo("OVERDUE");
        });

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(service.base + "/api/actions/export?format=xlsx")).header("Authorization", "Bearer " + service.alex).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(3);
        }
        assertProblem(service.get("/api/actions/export?format=pdf", service.alex), 400);
    }

    /** Titles a spreadsheet would run as formulas (OWASP CSV injection), each of the dangerous leading characters. */
    static final List<String> FORMULAS = List.of("=cmd|' /C calc'!A0", "+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1");

    @Test
    void anExportedTitleThatLooksLikeAFormulaOpensAsTextInCsvAndIsAStringCellInXlsx() throws Exception {
        for (int i = 0; i < FORMULAS.size(); i++) {
            String title = FORMULAS.get(i);
            // a tab or CR cannot be typed into a title any more (Text.oneLine): those two are stored as before the rule
            String typed = title.startsWith("\t") || title.startsWith("\r") ? "placeholder " + i : title;
            HttpResponse<String> created = service.post("/api/actions", service.priya, """
                    {"planId":"%s","reference":"F%d","title":"%s","serviceArea":"%s","due":"2030","leads":[{"name":"Senior Manager"}]}
                    """.formatted(PLAN, i, typed.replace("\"", "\\\""), CHILDREN));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            if (!typed.equals(title)) {
                service.mongo().updateFirst(Query.query(Criteria.where("_id").is(json(created).path("id").asString())),
                        Update.update("title", title), ActionDocument.COLLECTION);
            }
        }

        HttpResponse<String> csv = service.get("/api/actions/export?format=csv", service.alex);
        assertThat(csv.statusCode()).isEqualTo(200);
        List<CSVRecord> records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        assertThat(records).hasSize(FORMULAS.size());
        for (CSVRecord record : records) {
            assertThat(record.get("Title")).as("the title of %s in %s", record.get("Reference"), csv.body()).startsWith("'");
        }
        assertThat(records).extracting(r -> r.get("Title"))
                .contains("'=cmd|' /C calc'!A0", "'+1", "'-1+1", "'@SUM(A1)");

        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(service.base + "/api/actions/export?format=xlsx")).header("Authorization", "Bearer " + service.alex).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            int titleColumn = ActionFilesController.EXPORT_COLUMNS.indexOf("Title");
            List<String> titles = new ArrayList<>();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Cell cell = sheet.getRow(r).getCell(titleColumn);
                assertThat(cell.getCellType()).as("row %d", r).isEqualTo(CellType.STRING);
                titles.add(cell.getStringCellValue());
            }
            assertThat(titles).contains("=cmd|' /C calc'!A0", "+1", "-1+1", "@SUM(A1)");
        }
    }

    @Test
    void aWindows1252CsvIsStoredAsTyped() {
        byte[] file = "Reference,Action,Lead,Due\nW1,Spend café £100 on training,Senior Manager,2030\n"
                .getBytes(Charset.forName("windows-1252"));

        HttpResponse<String> response = upload("plan.csv", file, false, service.priya);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode stored = json(service.get("/api/actions?planId=" + PLAN, service.jamie)).path("items").get(0);
        assertThat(stored.path("title").asString()).isEqualTo("Spend café £100 on training");
    }

    @Test
    void aRowInAnAreaTheImporterMayNotWriteIsRejectedNamingItsServiceAreaEvenInADryRun() {
        String csv = "Reference,Action,Lead,Due,Service area\n"
                + "A1,An action of the plan's own area,Senior Manager,2030,\n"
                + "A2,An action of another area,Senior Manager,2030," + ADULTS + "\n";

        for (boolean dryRun : List.of(true, false)) {
            HttpResponse<String> response = upload("plan.csv", csv.getBytes(StandardCharsets.UTF_8), dryRun, service.sarah);
            assertProblem(response, 400);
            assertThat(json(response).path("errors").findValuesAsString("field")).containsExactly("rows[3].serviceArea");
        }
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
        assertThat(upload("plan.csv", csv.getBytes(StandardCharsets.UTF_8), false, service.priya).statusCode()).isEqualTo(201);
    }

    @Test
    void aLeadUsernameColumnNamesTheLeadsWhoArePeopleInTheOrderOfTheLeadColumn() {
        String csv = "Reference,Action,Lead,Lead username,Due\n"
                + "L1,Lead the permanence protocol,Jamie Wilson; Senior Manager,jamie.lead,2030\n"
                + "L2,Support the tracking system,Senior Manager; Priya Shah,; priya.officer,2030\n";

        HttpResponse<String> response = upload("plan.csv", csv.getBytes(StandardCharsets.UTF_8), false, service.sarah);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode first = json(service.get("/api/actions?q=permanence", service.jamie)).path("items").get(0).path("leads");
        assertThat(first.get(0).path("username").asString()).isEqualTo("jamie.lead");
        assertThat(first.get(1).path("username").isMissingNode() || first.get(1).path("username").isNull()).isTrue();
        JsonNode second = json(service.get("/api/actions?q=tracking", service.jamie)).path("items").get(0).path("leads");
        assertThat(second.get(1).path("username").asString()).isEqualTo("priya.officer");
    }

    @Test
    void aRowNamingALeadFromAnotherAreaOrNoOneKnownIsRejectedNamingTheRowAndLeadAndNothingIsStored() {
        String csv = "Reference,Action,Lead,Lead username,Due\n"
                + "L1,An action its lead may lead,Jamie Wilson,jamie.lead,2030\n"
                + "L2,An action led from another area,Jamie Wilson; Morag Clark,jamie.lead; morag.lead,2030\n"
                + "L3,An action led by no one known,Olive Owner,olive.owner,2030\n"
                + "L4,More usernames than leads,Jamie Wilson,jamie.lead; sarah.manager,2030\n";

        for (boolean dryRun : List.of(true, false)) {
            HttpResponse<String> response = upload("plan.csv", csv.getBytes(StandardCharsets.UTF_8), dryRun, service.sarah);
            assertProblem(response, 400);
            JsonNode problem = json(response);
            assertThat(problem.path("errors").findValuesAsString("field"))
                    .containsExactly("rows[3].leads[1].username", "rows[4].leads[0].username", "rows[5].leadUsernames");
            assertThat(problem.path("errors").findValuesAsString("message")).containsExactly(
                    "Morag Clark works in Adult and Older People, not in the action's service area Children and Justice",
                    "no one in the directory has the username olive.owner",
                    "gives 2 usernames for 1 lead: give them in the order of the lead column");
            assertThat(problem.path("report").path("accepted").asInt()).isEqualTo(1);
        }
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void rowsWithoutAServiceAreaOrWithControlCharactersAreRejectedNamingTheField() {
        service.post("/api/plans", service.priya, PlanJson.planWithoutArea("no-area-plan"));
        String csv = "Reference,Action,Lead,Due\nN1,An action of no area,Senior Manager,2030\n";
        HttpResponse<String> noArea = upload("no-area-plan", "plan.csv", csv.getBytes(StandardCharsets.UTF_8), false, service.priya);
        assertProblem(noArea, 400);
        assertThat(json(noArea).path("errors").findValuesAsString("field")).containsExactly("rows[2].serviceArea");

        String broken = "Reference,Action,Lead,Due\nC1,\"Two\nlines\",Senior Manager,2030\nC2,A bell \u0007 here,Senior Manager,2030\n";
        HttpResponse<String> controls = upload("plan.csv", broken.getBytes(StandardCharsets.UTF_8), false, service.priya);
        assertProblem(controls, 400);
        assertThat(json(controls).path("errors").findValuesAsString("field")).containsExactly("rows[2].title", "rows[3].title");
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void actionsImportedOverdueAfterTodaysScanAreExaminedByTheNextScan() {
        assertThat(service.post("/api/actions/overdue-check", service.priya, "").statusCode()).isEqualTo(200);
        assertThat(upload("plan.csv", SEED_002.getBytes(StandardCharsets.UTF_8), false, service.priya).statusCode())
                .isEqualTo(201); // due 2012 and 2013: all three overdue

        JsonNode next = json(service.post("/api/actions/overdue-check", service.priya, ""));
        JsonNode after = json(service.post("/api/actions/overdue-check", service.priya, ""));

        assertThat(next.path("examined").asInt()).isEqualTo(3);
        assertThat(next.path("announced").asInt()).isEqualTo(3);
        assertThat(after.path("examined").asInt()).isZero();
    }

    @Test
    void aFileOfManySavesIsStoredWholeEachRowOnceAndItsOverdueRowsQueuedForTheScan() {
        assertThat(service.post("/api/actions/overdue-check", service.priya, "").statusCode()).isEqualTo(200);
        StringBuilder csv = new StringBuilder("Reference,Action,Lead,Due\n");
        int rows = 600; // more than two of the service's saves (ManagingActions.SAVED_AT_ONCE)
        for (int i = 0; i < rows; i++) {
            csv.append("B").append(i).append(",Bulk action ").append(i).append(",Senior Manager,")
                    .append(i % 3 == 0 ? "2013" : "2045").append('\n'); // every third overdue
        }

        HttpResponse<String> response = upload("plan.csv", csv.toString().getBytes(StandardCharsets.UTF_8), false, service.priya);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode report = json(response);
        assertThat(report.path("accepted").asInt()).isEqualTo(rows);
        assertThat(report.path("rows").findValuesAsString("actionId")).hasSize(rows).doesNotHaveDuplicates();
        assertThat(report.path("rows").get(rows - 1).path("title").asString()).isEqualTo("Bulk action " + (rows - 1));
        assertThat(service.count(ActionDocument.COLLECTION)).isEqualTo(rows);
        JsonNode scan = json(service.post("/api/actions/overdue-check", service.priya, ""));
        assertThat(scan.path("examined").asInt()).isEqualTo(rows / 3);
        assertThat(scan.path("announced").asInt()).isEqualTo(rows / 3);
    }

    private static HttpResponse<String> upload(String filename, byte[] content, boolean dryRun, String token) {
        return upload(PLAN, filename, content, dryRun, token);
    }

    private static HttpResponse<String> upload(String planId, String filename, byte[] content, boolean dryRun, String token) {
        String boundary = "waypoint-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.base + "/api/actions/import?planId=" + planId
                        + "&dryRun=" + dryRun))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
