package org.waypoint.platform.security;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.waypoint.platform.web.Problems;

/**
 * Security defaults for every Waypoint service: a stateless OAuth2 resource server validating
 * Keycloak-issued JWTs, health and API docs open, everything else authenticated, and 401/403
 * answered as problem+json. Endpoints add their role checks with {@code @PreAuthorize}.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({HttpSecurity.class, JwtAuthenticationToken.class})
@EnableWebSecurity
@EnableMethodSecurity
public class WaypointSecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WaypointSecurityConfiguration.class);

    /**
     * Keys kept through an identity-provider outage ({@link ResilientJwtDecoder}); issuer, key-set
     * address and audiences from {@code spring.security.oauth2.resourceserver.jwt.*} as before.
     */
    @Bean
    @ConditionalOnMissingBean(JwtDecoder.class)
    JwtDecoder waypointJwtDecoder(Environment environment,
                                  @Value("${waypoint.security.jwks.cache-ttl:PT15M}") Duration ttl,
                                  @Value("${waypoint.security.jwks.refresh-ahead:PT1M}") Duration refreshAhead,
                                  @Value("${waypoint.security.jwks.timeout:PT2S}") Duration timeout) {
        String jwkSetUri = environment.getRequiredProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri");
        String issuer = environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri");
        List<String> audiences = Binder.get(environment).bind("spring.security.oauth2.resourceserver.jwt.audiences",
                Bindable.listOf(String.class)).orElse(List.of());
        return ResilientJwtDecoder.create(jwkSetUri, issuer, audiences, new ResilientJwtDecoder.Keys(ttl, refreshAhead, timeout));
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain waypointSecurityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakRolesConverter()))
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationFailureHandler(WaypointSecurityConfiguration::tokenNotChecked);
                                return filter;
                            }
                        })
                        .authenticationEntryPoint((request, response, e) -> Problems.write(response, HttpStatus.UNAUTHORIZED,
                                "Unauthorized", "Sign in first: a valid bearer token is required."))
                        .accessDeniedHandler((request, response, e) -> Problems.write(response, HttpStatus.FORBIDDEN,
                                "Forbidden", "Your role does not allow this.")))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((request, response, e) -> Problems.write(response, HttpStatus.UNAUTHORIZED,
                                "Unauthorized", "Sign in first: a valid bearer token is required."))
                        .accessDeniedHandler((request, response, e) -> Problems.write(response, HttpStatus.FORBIDDEN,
                                "Forbidden", "Your role does not allow this.")));
        return http.build();
    }

    /**
     * A token that could not be checked at all (its key is unknown and Keycloak cannot be reached)
     * is the identity provider's outage, not the caller's fault: 503 problem+json with Retry-After,
     * never Spring's 500. A token that was checked and is wrong stays 401.
     */
    private static void tokenNotChecked(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws java.io.IOException {
        if (e instanceof AuthenticationServiceException) {
            log.warn("A bearer token could not be checked: the identity provider's keys cannot be read ({})", e.getMessage());
            response.setHeader("Retry-After", "30");
            Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Sign-in service unavailable",
                    "Your token could not be checked just now because the sign-in service cannot be reached. Try again in a minute.");
            return;
        }
        Problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in first: a valid bearer token is required.");
    }
}
