package org.waypoint.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/** What the gateway answers itself: bodies over the size limit (413) and its own errors, both as problem+json. */
@Configuration(proxyBeanMethods = false)
public class EdgeConfiguration {

    @Bean
    RequestSizeLimit requestSizeLimit(GatewayProperties properties) {
        return new RequestSizeLimit(properties.maxRequestSize());
    }

    @Bean
    GatewayErrors gatewayErrors() {
        return new GatewayErrors();
    }

    /**
     * A request Spring Security's firewall refuses (an encoded {@code ..}, {@code /} or NUL in the path,
     * a malformed header) is a 400 problem+json, not an empty 400.
     */
    @Bean
    ServerExchangeRejectedHandler problemJsonForRejectedRequests() {
        return (exchange, rejected) -> Problems.write(exchange, HttpStatus.BAD_REQUEST, "Bad request",
                "This address or request is not one Waypoint accepts.");
    }
}
