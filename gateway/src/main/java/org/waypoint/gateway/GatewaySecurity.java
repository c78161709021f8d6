package org.waypoint.gateway;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Two ways in: people sign in through Keycloak (authorization code with PKCE, session cookie, token
 * relayed to the services); machines and scripts send a Keycloak bearer token, which is checked
 * here and again by each service. Unauthenticated API calls get 401 problem+json, not a redirect.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class GatewaySecurity {

    private static final ServerWebExchangeMatcher API = ServerWebExchangeMatchers.pathMatchers("/api/**");

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http) {
        ServerAuthenticationEntryPoint redirectToLogin = new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/keycloak");
        return http
                .authorizeExchange(auth -> auth
                        .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/fallback/**",
                                "/favicon.ico").permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(login -> { })
                .oauth2ResourceServer(rs -> rs.jwt(jwt -> jwt.jwtAuthenticationConverter(GatewaySecurity::authentication))
                        .authenticationEntryPoint(GatewaySecurity::unauthorized))
                .exceptionHandling(ex -> ex.authenticationEntryPoint((exchange, e) ->
                        API.matches(exchange).flatMap(m -> m.isMatch() ? unauthorized(exchange, e) : redirectToLogin.commence(exchange, e))))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .requireCsrfProtectionMatcher(GatewaySecurity::needsCsrfProtection))
                .build();
    }

    /** Browser sessions need CSRF protection on writes; bearer-token calls carry no cookie to abuse. */
    private static Mono<ServerWebExchangeMatcher.MatchResult> needsCsrfProtection(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        return safe || bearer ? ServerWebExchangeMatcher.MatchResult.notMatch() : ServerWebExchangeMatcher.MatchResult.match();
    }

    private static Mono<JwtAuthenticationToken> authentication(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (jwt.getClaims().get("realm_access") instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> roles) {
            roles.forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        }
        String name = jwt.getClaimAsString("preferred_username");
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject()));
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, Exception e) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = ("{\"type\":\"https://waypoint.example/problems/401\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Sign in first: a valid bearer token or session is required.\"}").getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
