package org.waypoint.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.testsupport.AuthorizationMatrix.AREA;
import static org.waypoint.testsupport.AuthorizationMatrix.OTHER_AREA;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER_EMAIL;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.plan.action.persistence.ActionDocument;
import org.waypoint.plan.plan.persistence.PlanDocument;
import org.waypoint.plan.support.PlanServiceRunning;
import org.waypoint.testsupport.AuthorizationMatrix;
import org.waypoint.testsupport.AuthorizationMatrixContract;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

/**
 * Every endpoint of plan-service, called as anonymous, as each role, in and out of the service
 * area, against {@code authorization-matrix.yml}; a new endpoint without an entry fails the build.
 */
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    @Override
    protected ConfigurableApplicationContext startService(InMemoryMongo mongo, TestKeycloak keycloak) {
        Map<String, String> properties = new HashMap<>(directoryOfTheCallers());
        properties.put("waypoint.scheduling.enabled", "false");
        return startWithoutBroker(PlanServiceApplication.class, PlanServiceApplication.CONFIG_NAME, "plans-matrix-test",
                mongo, keycloak, properties);
    }

    /**
     * The staff directory is the matrix's callers, each working where their token says (olive.owner in
     * the fixtures' area, esme.staff elsewhere), in place of the demo people of plan-service.yml.
     */
    static Map<String, String> directoryOfTheCallers() {
        Map<String, String> people = new HashMap<>();
        List<AuthorizationMatrix.Caller> callers = AuthorizationMatrix.CALLERS.stream().filter(c -> c.username() != null).toList();
        for (int i = 0; i < callers.size(); i++) {
            AuthorizationMatrix.Caller caller = callers.get(i);
            String prefix = "waypoint.directory.people[" + i + "].";
            people.put(prefix + "username", caller.username());
            people.put(prefix + "name", nameOf(caller.username()));
            people.put(prefix + "email", caller.username() + "@waypoint.example");
            for (int j = 0; j < caller.areas().size(); j++) {
                people.put(prefix + "service-areas[" + j + "]", caller.areas().get(j));
            }
        }
        return people;
    }

    /** olive.owner: Olive Owner. */
    private static String nameOf(String username) {
        return Arrays.stream(username.split("[.-]")).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(Collectors.joining(" "));
    }

    @Override
    protected String serviceName() {
        return "plan-service";
    }

    @Test
    void theApiDescriptionIsOpenWithoutATokenAndNamesTheServiceAndItsBearerToken() {
        AuthorizationMatrix.assertOpenToAnonymous(base(), "/v3/api-docs");
        String document = Services.get(base() + "/v3/api-docs", null).body();
        assertThat(document)
                .contains("\"title\":\"Waypoint plan-service\"")
                .contains("\"bearerFormat\":\"JWT\"");
    }

    /**
     * A plan owned by the owner in the service area, and an action she leads with an exception report; a plan of the
     * other area, and an action of the owner's area in it that she leads.
     */
    @Override
    protected Map<String, String> fixtures() {
        MongoTemplate mongo = app().getBean(MongoTemplate.class);
        mongo.remove(new Query(), ActionDocument.COLLECTION);
        mongo.remove(new Query(), PlanDocument.COLLECTION);
        String admin = matrix().token("admin");
        HttpResponse<String> plan = Services.post(base() + "/api/plans", admin, """
                {"id":"matrix-plan","title":"Matrix plan","organisation":"East Ayrshire HSCP",
                 "service":"Children's Health, Care and Justice","serviceArea":"%s","period":"2024/25","owner":"%s",
                 "status":"ACTIVE","priorities":[{"id":"SP","title":"Safe and Protected"}],"outcomes":[]}
                """.formatted(AREA, OWNER));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
        HttpResponse<String> action = Services.post(base() + "/api/actions", admin, """
                {"planId":"matrix-plan","priorityId":"SP","reference":"SP-1","title":"Matrix action","serviceArea":"%s",
                 "due":"2030-03-31","leads":[{"name":"Olive Owner","username":"%s","email":"%s"}]}
                """.formatted(AREA, OWNER, OWNER_EMAIL));
        assertThat(action.statusCode()).as(action.body()).isEqualTo(201);
        String actionId = PlanServiceRunning.json(action).path("id").asString();
        HttpResponse<String> reported = Services.put(base() + "/api/actions/" + actionId + "/exception-report", admin, "\"0\"",
                "{\"reason\":\"Delayed\",\"correctiveAction\":\"Extra sessions\",\"revisedDate\":\"2030-06-30\"}");
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        HttpResponse<String> otherPlan = Services.post(base() + "/api/plans", admin, """
                {"id":"matrix-plan-elsewhere","title":"Matrix plan elsewhere","organisation":"East Ayrshire HSCP",
                 "service":"Adult Services","serviceArea":"%s","period":"2024/25",
                 "status":"ACTIVE","priorities":[{"id":"SP","title":"Safe and Protected"}],"outcomes":[]}
                """.formatted(OTHER_AREA));
        assertThat(otherPlan.statusCode()).as(otherPlan.body()).isEqualTo(201);
        HttpResponse<String> elsewhere = Services.post(base() + "/api/actions", admin, """
                {"planId":"matrix-plan-elsewhere","priorityId":"SP","reference":"SP-2","title":"Matrix action elsewhere",
                 "serviceArea":"%s","due":"2030-03-31","leads":[{"name":"Olive Owner","username":"%s","email":"%s"}]}
                """.formatted(AREA, OWNER, OWNER_EMAIL));
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(201);
        return Map.of("plan", "matrix-plan", "planEtag", plan.headers().firstValue("ETag").orElseThrow(),
                "action", actionId, "actionEtag", reported.headers().firstValue("ETag").orElseThrow(),
                "otherPlan", "matrix-plan-elsewhere",
                "elsewhereAction", PlanServiceRunning.json(elsewhere).path("id").asString(),
                "elsewhereEtag", elsewhere.headers().firstValue("ETag").orElseThrow());
    }
}
