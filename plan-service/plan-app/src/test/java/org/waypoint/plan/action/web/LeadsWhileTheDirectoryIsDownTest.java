package org.waypoint.plan.action.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.plan.support.PlanServiceRunning.CHILDREN;
import static org.waypoint.plan.support.PlanServiceRunning.assertProblem;
import static org.waypoint.plan.support.PlanServiceRunning.json;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.waypoint.plan.action.persistence.ActionDocument;
import org.waypoint.plan.support.PlanJson;
import org.waypoint.plan.support.PlanServiceRunning;
import org.waypoint.testsupport.TestKafka;

/**
 * plan-service reading the staff directory from Keycloak's Admin API when nothing answers there: a
 * write that names a lead by username is 503 problem+json and stores nothing (the API and the import
 * alike); one whose leads are roles does not need the directory and goes through.
 */
class LeadsWhileTheDirectoryIsDownTest {

    static PlanServiceRunning service;
    static final String PLAN = "ea-chcj-sip-2021-24";

    @BeforeAll
    static void start() {
        service = new PlanServiceRunning(Map.of(
                "waypoint.directory.source", "keycloak",
                "waypoint.directory.keycloak.url", "http://127.0.0.1:" + TestKafka.freePort(),
                "waypoint.directory.keycloak.client-secret", "s3cret",
                "waypoint.directory.keycloak.timeout", "PT0.5S",
                "resilience4j.retry.instances.directory.wait-duration", "10ms"));
        service.createPlan(PLAN, CHILDREN);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    @Test
    void aWriteNamingALeadByUsernameIs503AndStoresNothing() {
        HttpResponse<String> refused = service.post("/api/actions", service.sarah, PlanJson.action(PLAN, CHILDREN, "2022", "jamie.lead"));

        assertProblem(refused, 503);
        assertThat(json(refused).path("title").asString()).isEqualTo("Directory unavailable");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).doesNotContain("127.0.0.1").doesNotContain("jamie.lead");
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void anImportNamingALeadByUsernameIs503AndStoresNothing() {
        String csv = "Reference,Action,Lead,Lead username,Due\nL1,Lead the permanence protocol,Jamie Wilson,jamie.lead,2030\n";

        assertProblem(upload(csv), 503);
        assertThat(service.count(ActionDocument.COLLECTION)).isZero();
    }

    @Test
    void leadsThatAreRolesNeedNoDirectory() {
        HttpResponse<String> created = service.post("/api/actions", service.sarah,
                PlanJson.actionLedBy(PLAN, CHILDREN, "2022", "[{\"name\":\"Senior Manager\"}]"));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        service.empty(ActionDocument.COLLECTION);
    }

    private static HttpResponse<String> upload(String csv) {
        String boundary = "waypoint-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"plan.csv\""
                + "\r\nContent-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.base + "/api/actions/import?planId=" + PLAN))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", "Bearer " + service.sarah)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
