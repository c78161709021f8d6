package org.waypoint.notification.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.web.Problems;
import org.waypoint.platform.web.QueryObjectBinding;

/**
 * Notification ids are alert identities, which hold what the rule's transition is made of: an
 * indicator's period ({@code 2021/22 Q3}) puts a {@code /} in them. So that {@code
 * POST /api/notifications/mine/{id}/read} takes such an id written {@code %2F}, Tomcat decodes an
 * encoded slash instead of refusing the request, and Spring Security's firewall lets an encoded slash
 * through (everything else it refuses stays refused: {@code /../}, {@code //}, {@code ;}, encoded dots,
 * backslashes, control characters). Spring MVC matches the path before decoding it, so the slash stays
 * inside the id. A request the firewall refuses is answered problem+json, not an HTML page (Tomcat's
 * own refusals are, by the platform); a query parameter named like an operator is a 400.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    TomcatConnectorCustomizer encodedSlashesInIds() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.DECODE.getValue());
    }

    /**
     * A query parameter whose name holds {@code [ ] . $} is a property path or a query operator
     * ({@code limit[$ne]=1}, {@code status.x=1}), never a parameter of this API: refused with a 400
     * naming it, as every service does, rather than quietly ignored.
     */
    @Bean
    WebMvcConfigurer refuseOperatorsInQueryNames() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new HandlerInterceptor() {
                    @Override
                    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                        for (String name : request.getParameterMap().keySet()) {
                            if (name.chars().anyMatch(c -> c == '[' || c == ']' || c == '.' || c == '$')) {
                                throw new InvalidInputException(name, QueryObjectBinding.NOT_A_FILTER);
                            }
                        }
                        return true;
                    }
                }).addPathPatterns("/api/**");
            }
        };
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
