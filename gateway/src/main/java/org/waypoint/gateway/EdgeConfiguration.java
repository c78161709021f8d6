package org.waypoint.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

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
     * Spring Security's firewall, with one relaxation: an encoded slash ({@code %2F}) in a path goes
     * through, unchanged, to the service, because some ids hold one (an indicator's alert for
     * {@code 2021/22 Q3}). Each service decides for itself what such a segment means; encoded dots,
     * backslashes, NUL and the rest are still refused here.
     */
    @Bean
    ServerWebExchangeFirewall gatewayFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        return firewall;
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
