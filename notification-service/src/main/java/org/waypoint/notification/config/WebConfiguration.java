package org.waypoint.notification.config;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.waypoint.platform.web.Problems;

/**
 * Notification ids are alert identities, which hold what the rule's transition is made of: an
 * indicator's period ({@code 2021/22 Q3}) puts a {@code /} in them. So that {@code
 * POST /api/notifications/mine/{id}/read} takes such an id written {@code %2F}, Tomcat decodes an
 * encoded slash instead of refusing the request, and Spring Security's firewall lets an encoded slash
 * through (everything else it refuses stays refused: {@code /../}, {@code //}, {@code ;}, encoded dots,
 * backslashes, control characters). Spring MVC matches the path before decoding it, so the slash stays
 * inside the id. A request the firewall refuses is answered 400 problem+json, not an HTML page.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    TomcatConnectorCustomizer encodedSlashesInIds() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.DECODE.getValue());
    }

    @Bean
    HttpFirewall firewallAllowingEncodedSlashes() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        return firewall;
    }

    @Bean
    RequestRejectedHandler rejectedAsProblem() {
        return (request, response, rejected) -> Problems.write(response, HttpStatus.BAD_REQUEST, "Bad request",
                "The request's path or headers are not acceptable.");
    }
}
