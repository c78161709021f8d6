package org.waypoint.risk.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.risk.RiskServiceApplication;
import org.waypoint.risk.register.persistence.RiskRegisterDocument;
import org.waypoint.risk.risk.persistence.RiskDocument;
import org.waypoint.risk.support.Http;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CSV in and out of a register, with seed 000's columns and a row-by-row report. */
class RegisterImportExportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Seed 000's table (HTML paragraphs and all), with a wrong score on row 3 and a bad likelihood on row 4. */
    private static final String SEED_000 = """
            Code,Risk Description,Likelihood,Severity,Risk Score,Risk Mitigation,Category
            CHCJRISK01,"<p>Failure to protect children & young people</p> <p>Increased demand for and complexity of public protection work related to the pandemic.</p>",3,5,15,"Public Protection Covid Guidance in place
            Routine weekly public protection data monitoring",Public protection
            CHCJRISK02,"<p>Failure to be sustainable</p> <p>Reduction in public services funding.</p>",4,5,16,Agile and smarter working,Financial
            CHCJRISK03,<p>Failure to manage and support change</p>,6,4,24,,Workforce
            CHCJRISK06,<p>Failure due to working restrictions in place as a result of COVID-19</p>,2,2,4,• Strong supportive and regular supervision • Improved communication across services,
            """;

    static InMemoryMongo mongo;
    static TestKeycloak keycloak;
    static ConfigurableApplicationContext app;
    static String base;
    static String officer;
    String registerId;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        keycloak = TestKeycloak.start();
        app = Services.start(RiskServiceApplication.class, RiskServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, Map.of(
                "spring.mongodb.uri", mongo.uri("risks-transfer-test"),
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.outbox.relay.enabled", "false",
                "waypoint.scheduling.enabled", "false",
                "spring.kafka.admin.auto-create", "false"));
        base = Services.url(app);
        officer = keycloak.token("priya.officer", "priya.shah@waypoint.example", List.of("Children and Justice"), "performance-officer");
    }

    @AfterAll
    static void stop() {
        app.close();
        keycloak.close();
        mongo.close();
    }

    @BeforeEach
    void empty() {
        mongo().remove(new Query(), RiskDocument.COLLECTION);
        mongo().remove(new Query(), RiskRegisterDocument.COLLECTION);
        registerId = newRegister("CHCJ Service Improvement Plan 2021/24");
    }

    @Test
    void importingSeed000ReportsEveryRowAndAWrongScoreIsReportedNotStored() {
        JsonNode report = importCsv(registerId, SEED_000, "defaultCategory=Workforce");

        assertThat(report.path("rows").asInt()).isEqualTo(4);
        assertThat(report.path("created").asInt()).isEqualTo(3);
        assertThat(report.path("rejected").asInt()).isEqualTo(1);
        JsonNode rows = report.path("report");
        assertThat(rows.get(0).path("outcome").asString()).isEqualTo("CREATED");
        assertThat(rows.get(0).path("warnings")).isEmpty();
        assertThat(rows.get(1).path("code").asString()).isEqualTo("CHCJRISK02");
        assertThat(rows.get(1).path("score").asInt()).isEqualTo(20);
        assertThat(rows.get(1).path("warnings").get(0).asString())
                .contains("Risk Score 16 disagrees with Likelihood x Severity = 4 x 5 = 20");
        assertThat(rows.get(2).path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(rows.get(2).path("errors").get(0).asString()).startsWith("Likelihood").contains("6");
        assertThat(rows.get(3).path("row").asLong()).isEqualTo(5); // spreadsheet rows: header is 1; a quoted line break stays in its row

        JsonNode risks = JSON.readTree(Services.get(base + "/api/risks?registerId=" + registerId, officer).body());
        assertThat(risks.path("total").asInt()).isEqualTo(3);
        JsonNode first = risks.path("items").get(0);
        assertThat(first.path("title").asString()).isEqualTo("Failure to protect children & young people");
        assertThat(first.path("description").asString()).startsWith("Increased demand");
        assertThat(first.path("mitigations")).hasSize(2);
        JsonNode sixth = risks.path("items").get(2);
        assertThat(sixth.path("category").asString()).isEqualTo("Workforce");
        assertThat(sixth.path("mitigations")).hasSize(2);
        assertThat(risks.path("items").get(1).path("current").path("score").asInt()).isEqualTo(20);
    }

    @Test
    void aDryRunReportsButStoresNothing() {
        JsonNode report = importCsv(registerId, SEED_000, "dryRun=true&defaultCategory=Workforce");

        assertThat(report.path("dryRun").asBoolean()).isTrue();
        assertThat(report.path("created").asInt()).isEqualTo(3);
        assertThat(mongo().count(new Query(), RiskDocument.COLLECTION)).isZero();
    }

    @Test
    void anExportedRegisterImportsIntoAnotherAsTheSameRisksAndBackIntoItselfUnchanged() {
        importCsv(registerId, SEED_000, "defaultCategory=Workforce");

        HttpResponse<String> exported = Services.get(base + "/api/risk-registers/" + registerId + "/export.csv", officer);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(exported.body()).startsWith("Code,Title,Risk Description,Risk Factors,Category,Owner");
        assertThat(exported.body()).contains("CHCJRISK02").contains("Very high");

        JsonNode same = importCsv(registerId, exported.body(), "");
        assertThat(same.path("unchanged").asInt()).isEqualTo(3);

        String copy = newRegister("A copy");
        JsonNode copied = importCsv(copy, exported.body(), "");
        assertThat(copied.path("created").asInt()).as(copied.toString()).isEqualTo(3);
        assertThat(copied.path("report")).allSatisfy(row -> assertThat(row.path("warnings")).isEmpty());
        JsonNode again = JSON.readTree(Services.get(base + "/api/risks?registerId=" + copy + "&sort=code", officer).body());
        assertThat(again.path("items").findValuesAsString("code")).containsExactly("CHCJRISK01", "CHCJRISK02", "CHCJRISK06");
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

        String staff = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", List.of("Children and Justice"), "staff");
        assertThat(Http.send("POST", base + "/api/risk-registers/" + registerId + "/import", staff, null, "text/csv", SEED_000)
                .statusCode()).isEqualTo(403);
        assertThat(mongo().count(new Query(), RiskDocument.COLLECTION)).isZero();
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
        return app.getBean(MongoTemplate.class);
    }
}
