package org.waypoint.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.waypoint.notification.alert.application.RaisedAlerts;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.AlertStatus;
import org.waypoint.notification.alert.domain.Audience;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * notification-service's HTTP API on odd and hostile input (issue 16), against the MongoDB-compatible
 * server and signed tokens, with alerts stored directly: a manager sees only their areas' alerts, an
 * id holding a {@code /} can be marked read, every 4xx is problem+json and no input gives a 500.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsApiTest {

    private static final String CJ = "Children and Justice";
    private static final String AOP = "Adult and Older People";
    private static final String MORAG = "morag.clark@waypoint.example";
    /** An indicator-red alert: its transition is the period, "2021/22 Q3", so its id holds a slash. */
    private static final String SLASHED = "indicator-red:ind-7:2021/22 Q3|2022-01-14T10:00:00Z:" + MORAG;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private InMemoryMongo mongo;
    private TestKeycloak keycloak;
    private ConfigurableApplicationContext app;
    private String url;

    @BeforeAll
    void start() {
        mongo = InMemoryMongo.start();
        keycloak = TestKeycloak.start();
        app = Services.start(NotificationServiceApplication.class, NotificationServiceApplication.CONFIG_NAME,
                WebApplicationType.SERVLET, Map.of(
                        "spring.mongodb.uri", mongo.uri("notifications-api-test"),
                        "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                        "spring.kafka.admin.auto-create", "false",
                        "spring.kafka.listener.auto-startup", "false",
                        "waypoint.keycloak.url", keycloak.url(),
                        "waypoint.outbox.relay.enabled", "false",
                        "spring.mail.host", "127.0.0.1",
                        "spring.mail.port", "1",
                        "waypoint.scheduling.enabled", "false"));
        url = Services.url(app) + "/api/notifications";
        RaisedAlerts alerts = app.getBean(RaisedAlerts.class);
        Instant now = Instant.now();
        alerts.addIfNew(alert("cj-1", CJ, "jamie.wilson@waypoint.example", "jamie.lead", now), AlertStatus.SENT);
        alerts.addIfNew(alert("cj-2", CJ, "sarah.campbell@waypoint.example", "sarah.manager", now.minusSeconds(1)),
                AlertStatus.SENT);
        alerts.addIfNew(alert("aop-1", AOP, MORAG, "morag.lead", now.minusSeconds(2)), AlertStatus.SENT);
        alerts.addIfNew(alert(SLASHED, AOP, MORAG, "morag.lead", now.minusSeconds(3)), AlertStatus.SENT);
    }

    @AfterAll
    void stop() {
        app.close();
        keycloak.close();
        mongo.close();
    }

    private static Alert alert(String id, String area, String email, String username, Instant at) {
        return new Alert(id, "action-overdue", "action", "item-" + id.hashCode(), "2022-03-31", "event-" + id.hashCode(), email,
                username, "Someone", Audience.SUBJECT, area, "Alert " + id, "Body", "<p>Body</p>", "https://waypoint.test/x", at);
    }

    private List<String> idsSeenBy(String token) {
        HttpResponse<String> response = Services.get(url + "?limit=500", token);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        JSON.readTree(response.body()).forEach(a -> ids.add(a.path("id").asString()));
        return ids;
    }

    @Test
    void aManagerSeesOnlyTheAlertsOfTheirServiceAreasAndOfficersAuditorsAndAdminsSeeEveryArea() {
        assertThat(idsSeenBy(keycloak.token("sarah.manager", "sarah.campbell@waypoint.example", List.of(CJ), "manager", "staff")))
                .containsExactly("cj-1", "cj-2");
        assertThat(idsSeenBy(keycloak.token("david.manager", "david.brown@waypoint.example", List.of(AOP), "manager", "staff")))
                .containsExactly("aop-1", SLASHED);
        assertThat(idsSeenBy(keycloak.token("two.areas", "two@waypoint.example", List.of(CJ, AOP), "manager"))).hasSize(4);
        assertThat(idsSeenBy(keycloak.token("no.area", "none@waypoint.example", "manager")))
                .as("a manager whose token names no area").isEmpty();
        for (String role : List.of("performance-officer", "finance-officer", "auditor", "admin")) {
            assertThat(idsSeenBy(keycloak.token("someone." + role, "x@waypoint.example", role))).as(role).hasSize(4);
        }
    }

    @Test
    void aNotificationWhoseIdHoldsASlashCanBeMarkedReadWithTheSlashEncoded() {
        String morag = keycloak.token("morag.lead", MORAG, "staff");
        String encoded = SLASHED.replace("/", "%2F").replace(" ", "%20").replace("|", "%7C");

        HttpResponse<String> read = Services.post(url + "/mine/" + encoded + "/read", morag, "");

        assertThat(read.statusCode()).as(read.body()).isEqualTo(204);
        JsonNode mine = JSON.readTree(Services.get(url + "/mine?size=50", morag).body());
        List<String> readIds = new ArrayList<>();
        mine.path("items").forEach(n -> {
            if (n.path("read").asBoolean()) {
                readIds.add(n.path("id").asString());
            }
        });
        assertThat(readIds).containsExactly(SLASHED);
        HttpResponse<String> notHers = Services.post(url + "/mine/" + encoded + "/read",
                keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", "staff"), "");
        assertThat(notHers.statusCode()).isEqualTo(404);
        assertProblem(notHers);
    }

    @Test
    void everyRefusedRequestIsProblemJsonAndNoInputGivesA500() throws Exception {
        String admin = keycloak.token("ruth.admin", "ruth.taylor@waypoint.example", "admin");
        String staff = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", "staff");
        record Call(String method, String path, String token, String contentType, String body, int expected) {
        }
        List<Call> calls = List.of(
                new Call("GET", "?limit=abc", admin, null, null, 400),
                new Call("GET", "?limit=0", admin, null, null, 400),
                new Call("GET", "?limit=99999999999", admin, null, null, 400),
                new Call("GET", "?limit%5B%24ne%5D=1", admin, null, null, 400),
                new Call("GET", "/mine?unread=maybe", staff, null, null, 400),
                new Call("GET", "/mine?page=-1", staff, null, null, 400),
                new Call("GET", "/mine?size=100000", staff, null, null, 400),
                new Call("GET", "/mine?page=2147483647&size=200", staff, null, null, 200),
                new Call("GET", "/deliveries?from=yesterday", admin, null, null, 400),
                new Call("GET", "/deliveries?status=LOST", admin, null, null, 400),
                new Call("GET", "/deliveries?possibleDuplicate=perhaps", admin, null, null, 400),
                new Call("GET", "/deliveries?recipient=.*%5B(", admin, null, null, 200),
                new Call("GET", "/deliveries?status.x=1", admin, null, null, 400),
                new Call("GET", "/mine?%24where=1", staff, null, null, 400),
                new Call("GET", "/events?limit=-5", admin, null, null, 400),
                new Call("GET", "/events?status=%00", admin, null, null, 400),
                new Call("GET", "/dead-letters/no-such-letter", admin, null, null, 404),
                new Call("POST", "/dead-letters/no-such-letter/replay", admin, "application/json", "", 404),
                new Call("POST", "/dead-letters/no-such-letter/replay", admin, "application/json", "{\"correctedEvent\":5}", 400),
                new Call("POST", "/dead-letters/no-such-letter/replay", admin, "application/json", "{not json", 400),
                new Call("PUT", "/preferences", staff, "application/json", "null", 400),
                new Call("PUT", "/preferences", staff, "application/json", "[]", 400),
                new Call("PUT", "/preferences", staff, "application/json", "", 400),
                new Call("PUT", "/preferences", staff, "application/json", "{\"rules\":[]}", 400),
                new Call("PUT", "/preferences", staff, "application/json", "{\"rules\":{\"action-overdue\":5}}", 400),
                new Call("PUT", "/preferences", staff, "application/json", "{\"rules\":{\"action-overdue\":null}}", 400),
                new Call("PUT", "/preferences", staff, "application/json", "{\"areaDigest\":\"true\"}", 400),
                new Call("PUT", "/preferences", staff, "application/json", "{\"rules\":{\"\\r\\n\":\"IMMEDIATE\"}}", 400),
                new Call("PUT", "/preferences", staff, "text/plain", "rules", 415),
                new Call("POST", "/mine/no-such-notification/read", staff, null, null, 404),
                new Call("POST", "/mine/a%2F..%2F..%2Fpreferences/read", staff, null, null, 404),
                new Call("POST", "/mine/%2E%2E/read", staff, null, null, 400),
                new Call("POST", "/mine/a;b/read", staff, null, null, 400),
                new Call("POST", "/mine/a%5Cb/read", staff, null, null, 400),
                new Call("POST", "/mine/a%0Ab/read", staff, null, null, 400),
                new Call("DELETE", "", admin, null, null, 405),
                new Call("GET", "/no-such-thing", admin, null, null, 404));
        List<String> wrong = new ArrayList<>();
        for (Call call : calls) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + call.path())).timeout(Duration.ofSeconds(30))
                    .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(call.body()))
                    .header("Authorization", "Bearer " + call.token());
            if (call.contentType() != null) {
                request.header("Content-Type", call.contentType());
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            boolean problem = response.statusCode() < 400 || (contentType.startsWith("application/problem+json")
                    && JSON.readTree(response.body()).path("status").asInt() == response.statusCode());
            if (response.statusCode() != call.expected() || !problem) {
                wrong.add(call.method() + " " + call.path() + " " + call.body() + ": " + response.statusCode() + " " + contentType
                        + " " + response.body());
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(JSON.readTree(Services.get(url + "/preferences", staff).body()).path("rules").isEmpty())
                .as("nothing stored by a refused request").isTrue();
    }

    private static void assertProblem(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("status").asInt()).isEqualTo(response.statusCode());
    }
}
