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
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint((exchange, e) -> API.matches(exchange)
                                .flatMap(m -> m.isMatch() ? unauthorized(exchange, e) : redirectToLogin.commence(exchange, e)))
                        .accessDeniedHandler(GatewaySecurity::forbidden))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        .accessDeniedHandler(GatewaySecurity::forbidden)
                        .requireCsrfProtectionMatcher(GatewaySecurity::needsCsrfProtection))
                .build();
    }

    /**
     * Writes that ride on a browser's cookies need a CSRF token. A bearer-token call, or a call
     * carrying no cookie at all, has no ambient credential to abuse: it is authenticated (or
     * refused with 401) on its own.
     */
    private static Mono<ServerWebExchangeMatcher.MatchResult> needsCsrfProtection(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        boolean cookies = !exchange.getRequest().getCookies().isEmpty();
        return safe || bearer || !cookies ? ServerWebExchangeMatcher.MatchResult.notMatch() : ServerWebExchangeMatcher.MatchResult.match();
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
        return problem(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in first: a valid bearer token or session is required.");
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange, Exception e) {
        return problem(exchange, HttpStatus.FORBIDDEN, "Forbidden",
                "Not allowed: your role does not allow this, or the request lacks its CSRF token.");
    }

    private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = ("{\"type\":\"https://waypoint.example/problems/" + status.value() + "\",\"title\":\"" + title
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
