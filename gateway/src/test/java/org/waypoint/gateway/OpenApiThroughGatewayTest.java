package org.waypoint.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class OpenApiThroughGatewayTest {

    @Test
    void theServicesOwnAddressIsReplacedByTheGateway() {
        byte[] document = """
                {"openapi":"3.1.0","servers":[{"url":"http://plan-service:8081","description":"Generated server url"}],
                 "paths":{"/api/plans":{"get":{}}}}""".getBytes(StandardCharsets.UTF_8);

        String rewritten = new String(OpenApiThroughGatewayGatewayFilterFactory.throughGateway(document), StandardCharsets.UTF_8);

        assertThat(rewritten).contains("\"servers\":[{\"url\":\"/\",\"description\":\"Waypoint gateway\"}]")
                .contains("\"/api/plans\"").doesNotContain("plan-service:8081");
    }

    @Test
    void anythingButAnOpenApiDocumentPassesUnchanged() {
        byte[] html = "<html>not json</html>".getBytes(StandardCharsets.UTF_8);
        byte[] otherJson = "{\"title\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(OpenApiThroughGatewayGatewayFilterFactory.throughGateway(html)).isEqualTo(html);
        assertThat(OpenApiThroughGatewayGatewayFilterFactory.throughGateway(otherJson)).isEqualTo(otherJson);
    }
}
