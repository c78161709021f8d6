package org.waypoint.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waypoint.testsupport.AuthorizationMatrix.AREA;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER_EMAIL;

import java.net.http.HttpResponse;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.indicator.indicator.persistence.IndicatorDocument;
import org.waypoint.indicator.indicator.persistence.StatusIndex;
import org.waypoint.testsupport.AuthorizationMatrixContract;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every endpoint of indicator-service, called as anonymous, as each role, in and out of the
 * service area, against {@code authorization-matrix.yml}; a new endpoint without an entry fails
 * the build.
 */
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    @Override
    protected ConfigurableApplicationContext startService(InMemoryMongo mongo, TestKeycloak keycloak) {
        return startWithoutBroker(IndicatorServiceApplication.class, IndicatorServiceApplication.CONFIG_NAME,
                "indicators-matrix-test", mongo, keycloak, Map.of("waypoint.scheduling.enabled", "false"));
    }

    @Override
    protected String serviceName() {
        return "indicator-service";
    }

    /** One quarterly indicator owned by the owner in the service area, with its first quarter recorded. */
    @Override
    protected Map<String, String> fixtures() {
        app().getBean(MongoTemplate.class).remove(new Query(), IndicatorDocument.COLLECTION);
        app().getBean(StatusIndex.class).rebuild();
        String admin = matrix().token("admin");
        HttpResponse<String> defined = Http.post(base() + "/api/indicators", admin, """
                {"code":"MX-1","name":"Matrix indicator","unit":"percentage","polarity":"higher is better",
                 "frequency":"quarterly","serviceArea":"%s","targets":{"2023/24":"90%%"},
                 "owner":{"name":"Olive Owner","username":"%s","email":"%s"}}""".formatted(AREA, OWNER, OWNER_EMAIL));
        assertThat(defined.statusCode()).as(defined.body()).isEqualTo(201);
        String id = JsonMapper.builder().build().readTree(defined.body()).path("id").asString();
        HttpResponse<String> recorded = Http.post(base() + "/api/indicators/" + id + "/measurements", admin,
                "{\"period\":\"2023/24 Q1\",\"value\":\"88%\",\"commentary\":\"Below target: two posts vacant\"}",
                defined.headers().firstValue("ETag").orElseThrow());
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(200);
        return Map.of("indicator", id, "indicatorEtag", recorded.headers().firstValue("ETag").orElseThrow());
    }
}
