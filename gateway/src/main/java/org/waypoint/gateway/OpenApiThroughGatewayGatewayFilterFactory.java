package org.waypoint.gateway;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.cloud.gateway.filter.factory.rewrite.ModifyResponseBodyGatewayFilterFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code OpenApiThroughGateway=} on a route to a service's {@code /v3/api-docs}: the document's
 * {@code servers} (the service's own address, which a browser cannot reach) becomes the gateway
 * itself, so Swagger UI's "Try it out" goes through the gateway with the person's session.
 */
@Component
public class OpenApiThroughGatewayGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ModifyResponseBodyGatewayFilterFactory modifyResponseBody;

    public OpenApiThroughGatewayGatewayFilterFactory(ModifyResponseBodyGatewayFilterFactory modifyResponseBody) {
        super(Object.class);
        this.modifyResponseBody = modifyResponseBody;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return modifyResponseBody.apply(new ModifyResponseBodyGatewayFilterFactory.Config()
                .setRewriteFunction(byte[].class, byte[].class, (exchange, body) -> {
                    var status = exchange.getResponse().getStatusCode();
                    return Mono.justOrEmpty(status != null && status.is2xxSuccessful() ? throughGateway(body) : body);
                }));
    }

    static byte[] throughGateway(byte[] document) {
        if (document == null) {
            return null;
        }
        try {
            JsonNode tree = JSON.readTree(document);
            if (tree instanceof ObjectNode openApi && openApi.has("openapi")) {
                ObjectNode server = JSON.createObjectNode().put("url", "/").put("description", "Waypoint gateway");
                openApi.set("servers", JSON.createArrayNode().add(server));
                return JSON.writeValueAsBytes(openApi);
            }
        } catch (JacksonException notJson) {
            // not an OpenAPI document: passed on as it is
        }
        return document;
    }
}
