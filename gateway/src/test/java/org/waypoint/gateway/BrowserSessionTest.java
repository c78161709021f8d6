package org.waypoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.waypoint.gateway.support.Browser;
import org.waypoint.gateway.support.FakeKeycloak;
import org.waypoint.gateway.support.FakeKeycloak.Person;
import org.waypoint.gateway.support.StandInService;
import org.waypoint.gateway.support.StandInService.Answer;
import org.waypoint.testsupport.Services;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway as the portal's backend-for-frontend: a person signs in through Keycloak (code flow
 * with PKCE), gets an HttpOnly session cookie and a script-readable XSRF-TOKEN cookie, calls the API
 * with the session (the gateway relays the access token), and signs out of the gateway and Keycloak.
 */
class BrowserSessionTest {

    static final Person JAMIE = new Person("jamie.lead", "Jamie Wilson", "jamie.wilson@waypoint.example",
            List.of("Children and Justice"), "sarah.manager", List.of("default-roles-waypoint", "staff"));
    static final Person SARAH = new Person("sarah.manager", "Sarah Brown", "sarah.brown@waypoint.example",
            List.of("Children and Justice", "Adult and Older People"), null, List.of("staff", "manager"));
    static final JsonMapper JSON = JsonMapper.builder().build();

    static FakeKeycloak keycloak;
    static StandInService planService;
    static ConfigurableApplicationContext gateway;
    static String base;

    @BeforeAll
    static void start() {
        keycloak = FakeKeycloak.start();
        planService = StandInService.start()
                .on("/api/actions", request -> Answer.json(request.method().equals("POST") ? 201 : 200, "{\"items\":[]}"));
        gateway = Services.start(GatewayApplication.class, GatewayApplication.CONFIG_NAME, WebApplicationType.REACTIVE, Map.of(
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.services.plan", planService.url()));
        base = Services.url(gateway);
    }

    @AfterAll
    static void stop() {
        gateway.close();
        planService.close();
        keycloak.close();
    }

    static Browser signedIn(Person person) {
        keycloak.signsInNext(person);
        Browser browser = new Browser(base);
        HttpResponse<String> landing = browser.signIn();
        assertThat(landing.statusCode()).as("back at the portal after signing in").isEqualTo(302);
        assertThat(landing.headers().firstValue("Location").orElse("")).isIn("/", base + "/");
        return browser;
    }

    @Test
    void signingInGivesAnHttpOnlySessionCookieAndMeSaysWhoWithRolesServiceAreasAndManager() {
        Browser browser = signedIn(JAMIE);

        assertThat(browser.cookie("SESSION")).isNotNull();
        assertThat(browser.cookie("SESSION").httpOnly()).isTrue();
        assertThat(browser.cookie("SESSION").attributes()).as("sent only with same-site requests and top-level navigations")
                .containsIgnoringCase("SameSite=Lax");
        HttpResponse<String> me = browser.get("/me");
        assertThat(me.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(me.body());
        assertThat(body.get("username").asString()).isEqualTo("jamie.lead");
        assertThat(body.get("name").asString()).isEqualTo("Jamie Wilson");
        assertThat(body.get("email").asString()).isEqualTo("jamie.wilson@waypoint.example");
        assertThat(body.get("authorities").values()).extracting(JsonNode::asString)
                .containsExactly("ROLE_default-roles-waypoint", "ROLE_staff");
        assertThat(body.get("serviceAreas").values()).extracting(JsonNode::asString).containsExactly("Children and Justice");
        assertThat(body.get("manager").asString()).isEqualTo("sarah.manager");
        assertThat(keycloak.tokenRequests()).contains("authorization_code");
    }

    @Test
    void aManagersRealmRolesBecomeAuthorities() {
        JsonNode me = JSON.readTree(signedIn(SARAH).get("/me").body());
        assertThat(me.get("authorities").values()).extracting(JsonNode::asString).containsExactly("ROLE_manager", "ROLE_staff");
        assertThat(me.get("serviceAreas").values()).extracting(JsonNode::asString)
                .containsExactly("Children and Justice", "Adult and Older People");
        assertThat(me.get("manager").isNull()).isTrue();
    }

    @Test
    void aGetSetsTheXsrfTokenCookieThatScriptsCanRead() {
        Browser browser = signedIn(JAMIE);
        browser.get("/me");

        assertThat(browser.cookie("XSRF-TOKEN")).isNotNull();
        assertThat(browser.cookie("XSRF-TOKEN").httpOnly()).isFalse();
        assertThat(browser.cookie("XSRF-TOKEN").attributes()).containsIgnoringCase("Path=/");
    }

    @Test
    void aWriteWithTheSessionButWithoutTheCsrfHeaderIs403ProblemJsonAndNeverReachesTheService() {
        Browser browser = signedIn(JAMIE);
        browser.get("/me");
        int before = planService.seen("/api/actions").size();

        HttpResponse<String> response = browser.postJson("/api/actions", "{\"title\":\"x\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("CSRF");
        assertThat(planService.seen("/api/actions")).hasSize(before);
    }

    @Test
    void aWriteWithAWrongCsrfTokenIsRefused() {
        Browser browser = signedIn(JAMIE);
        browser.get("/me");
        assertThat(browser.postJson("/api/actions", "{}", "X-XSRF-TOKEN", "not-the-token").statusCode()).isEqualTo(403);
    }

    @Test
    void aWriteWithTheSessionAndTheMatchingCsrfHeaderReachesTheServiceWithTheAccessTokenAndNoCookies() {
        Browser browser = signedIn(JAMIE);
        browser.get("/me");
        String token = browser.cookie("XSRF-TOKEN").value();

        HttpResponse<String> response = browser.postJson("/api/actions", "{\"title\":\"Write the plan\"}", "X-XSRF-TOKEN", token);

        assertThat(response.statusCode()).isEqualTo(201);
        StandInService.Seen seen = planService.last();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.body()).isEqualTo("{\"title\":\"Write the plan\"}");
        assertThat(seen.header("Authorization")).startsWith("Bearer ey");
        assertThat(seen.header("Cookie")).isNull();
        assertThat(seen.header("X-XSRF-TOKEN")).as("nothing the service needs").isNotNull();
    }

    @Test
    void aReadWithTheSessionIsRelayedWithTheAccessToken() {
        Browser browser = signedIn(SARAH);
        HttpResponse<String> response = browser.get("/api/actions?status=OVERDUE");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(planService.last().path()).isEqualTo("/api/actions?status=OVERDUE");
        assertThat(planService.last().header("Authorization")).startsWith("Bearer ey");
    }

    @Test
    void signingOutEndsTheSessionAndSendsTheBrowserToKeycloakToSignOutThereAndBack() {
        Browser browser = signedIn(JAMIE);
        browser.get("/me");
        String csrf = browser.cookie("XSRF-TOKEN").value();
        Map<String, Browser.Cookie> before = browser.cookies();

        // the portal's sign-out form: POST /logout with the token as _csrf
        HttpResponse<String> logout = browser.postForm("/logout", Map.of("_csrf", csrf));

        assertThat(logout.statusCode()).isEqualTo(302);
        String location = logout.headers().firstValue("Location").orElse("");
        assertThat(location).startsWith(keycloak.issuer() + "/protocol/openid-connect/logout?");
        HttpResponse<String> atKeycloak = Services.get(location, null);
        assertThat(keycloak.logouts()).last().satisfies(atEndSession -> {
            assertThat(atEndSession.idTokenHint()).startsWith("ey");
            assertThat(atEndSession.postLogoutRedirectUri()).isEqualTo(base + "/");
        });
        assertThat(atKeycloak.statusCode()).as("Keycloak sends the browser back to the portal").isEqualTo(302);
        // the old session cookie no longer signs anyone in
        Browser stale = new Browser(base);
        HttpResponse<String> me = stale.get("/me", "Cookie", "SESSION=" + before.get("SESSION").value());
        assertThat(me.statusCode()).isEqualTo(401);
        assertThat(browser.get("/me").statusCode()).isEqualTo(401);
    }

    @Test
    void signingOutNeedsTheCsrfToken() {
        Browser browser = signedIn(JAMIE);
        browser.get("/me");

        HttpResponse<String> logout = browser.postForm("/logout", Map.of());

        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(browser.get("/me").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void aBearerCallerGetsTheSameMe() {
        HttpResponse<String> response = Services.get(base + "/me", keycloak.accessToken(JAMIE, "waypoint-cli"));
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = JSON.readTree(response.body());
        assertThat(me.get("username").asString()).isEqualTo("jamie.lead");
        assertThat(me.get("name").asString()).isEqualTo("Jamie Wilson");
        assertThat(me.get("email").asString()).isEqualTo("jamie.wilson@waypoint.example");
        assertThat(me.get("authorities").values()).extracting(JsonNode::asString)
                .containsExactly("ROLE_default-roles-waypoint", "ROLE_staff");
        assertThat(me.get("serviceAreas").values()).extracting(JsonNode::asString).containsExactly("Children and Justice");
        assertThat(me.get("manager").asString()).isEqualTo("sarah.manager");
    }

    @Test
    void meWithoutASessionIs401ProblemJsonNotARedirect() {
        HttpResponse<String> response = new Browser(base).get("/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
