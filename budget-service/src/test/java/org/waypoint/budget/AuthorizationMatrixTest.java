package org.waypoint.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER_EMAIL;

import java.net.http.HttpResponse;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.budget.line.persistence.BudgetLineDocument;
import org.waypoint.testsupport.AuthorizationMatrixContract;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of budget-service, called as anonymous, as each role, in and out of the service
 * area, against {@code authorization-matrix.yml}; a new endpoint without an entry fails the build.
 */
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    @Override
    protected ConfigurableApplicationContext startService(InMemoryMongo mongo, TestKeycloak keycloak) {
        return startWithoutBroker(BudgetServiceApplication.class, BudgetServiceApplication.CONFIG_NAME, "budgets-matrix-test",
                mongo, keycloak, Map.of());
    }

    @Override
    protected String serviceName() {
        return "budget-service";
    }

    /**
     * Two 2021/22 lines held by the owner: {@code line} of a Children and Justice division (the area
     * of the matrix's owner, staff and manager) and {@code otherLine} of an Adult and Older People
     * division (the area of the "elsewhere" callers).
     */
    @Override
    protected Map<String, String> fixtures() {
        app().getBean(MongoTemplate.class).remove(new Query(), BudgetLineDocument.COLLECTION);
        HttpResponse<String> line = line("Justice Services", "1933000");
        HttpResponse<String> other = line("Adult Support & Protection", "185000");
        JsonMapper json = JsonMapper.builder().build();
        return Map.of("line", json.readTree(line.body()).path("id").asString(),
                "lineEtag", line.headers().firstValue("ETag").orElseThrow(),
                "otherLine", json.readTree(other.body()).path("id").asString(),
                "otherLineEtag", other.headers().firstValue("ETag").orElseThrow());
    }

    private HttpResponse<String> line(String division, String amount) {
        HttpResponse<String> line = Services.post(base() + "/api/budgets/lines", matrix().token("admin"), """
                {"financialYear":"2021/22","organisation":"East Ayrshire Health and Social Care Partnership",
                 "division":"%s","fundingSource":"EAC Delegated","type":"REVENUE","amount":%s,
                 "holder":{"name":"Olive Owner","username":"%s","email":"%s"}}""".formatted(division, amount, OWNER, OWNER_EMAIL));
        assertThat(line.statusCode()).as(line.body()).isEqualTo(201);
        return line;
    }
}
