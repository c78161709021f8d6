package org.waypoint.gateway;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

import reactor.core.publisher.Mono;

/**
 * Two ways in: people sign in through Keycloak (authorization code with PKCE, an HttpOnly session
 * cookie, tokens kept in the session and relayed to the services); machines and scripts send a
 * Keycloak bearer token, which is checked here and again by each service. Unauthenticated API calls
 * get 401 problem+json, not a redirect. Cookie-borne writes need the CSRF token; every response
 * carries the security headers; API calls are rate limited per user and per client.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties({GatewayProperties.class, OAuth2ClientProperties.class})
public class GatewaySecurity {

    /** Answered like an API (401 problem+json) rather than redirected to Keycloak's login page. */
    private static final ServerWebExchangeMatcher API = ServerWebExchangeMatchers.pathMatchers("/api/**", "/openapi/**", "/me");

    static final String REGISTRATION = "keycloak";

    /**
     * Only same-origin content: the portal's built scripts and styles are files (no inline script or
     * style element; React sets style properties through the DOM, which CSP allows), images may be
     * data: URIs (the design system's and Swagger UI's icons). Forms may post here and to Keycloak
     * (sign-out continues there).
     */
    static String contentSecurityPolicy(String keycloakUrl) {
        return "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + keycloakUrl;
    }

    @Bean
    SecurityWebFilterChain gatewaySecurityFilterChain(ServerHttpSecurity http, GatewayProperties properties,
                                                      ReactiveClientRegistrationRepository registrations,
                                                      @Value("${waypoint.keycloak.url}") String keycloakUrl) {
        ServerAuthenticationEntryPoint redirectToLogin = new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + REGISTRATION);
        OidcClientInitiatedServerLogoutSuccessHandler logoutAtKeycloak = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutAtKeycloak.setPostLogoutRedirectUri("{baseUrl}/");
        logoutAtKeycloak.setLogoutSuccessUrl(URI.create("/"));
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
                        // the portal sends the cookie's value as it is (X-XSRF-TOKEN, or _csrf in the sign-out form)
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .accessDeniedHandler(GatewaySecurity::forbidden)
                        .requireCsrfProtectionMatcher(GatewaySecurity::needsCsrfProtection))
                .logout(logout -> logout
                        .logoutHandler(handlers -> handlers.add(new WebSessionServerLogoutHandler()))
                        .logoutSuccessHandler(logoutAtKeycloak))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(keycloakUrl)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
                        .contentTypeOptions(options -> { }))
                .addFilterAfter(new RateLimitFilter(properties.rateLimit(), System::nanoTime), SecurityWebFiltersOrder.AUTHENTICATION)
                .build();
    }

    /**
     * Spring Security makes the CSRF token lazily: unless something asks for it, no XSRF-TOKEN cookie
     * is ever written and the portal's first write is refused. This asks on every request that went
     * through the security chain; the cookie is written once and then reused. Bearer-token calls
     * (integrators, scripts) need no CSRF token and get no cookie: making one for each of them cost
     * a random token and a {@code Set-Cookie} on every call.
     */
    @Bean
    WebFilter csrfCookieFilter() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token == null || bearer(exchange.getRequest().getHeaders()) ? chain.filter(exchange)
                    : token.then(chain.filter(exchange));
        };
    }

    private static boolean bearer(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** Signed-in people get their Keycloak realm roles from the access token. */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> keycloakUserService(OAuth2ClientProperties client) {
        OAuth2ClientProperties.Provider provider = client.getProvider().get(REGISTRATION);
        String name = provider != null && provider.getUserNameAttribute() != null ? provider.getUserNameAttribute() : "sub";
        return new KeycloakUserService(name);
    }

    /** A person's tokens live in their session, so they go when the session ends (signing out, expiry). */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /**
     * The registrations from {@code spring.security.oauth2.client}, plus Keycloak's end-session
     * endpoint: the endpoints are configured explicitly (no discovery, so the gateway starts while
     * Keycloak is still starting), and RP-initiated logout needs to know where to send the browser.
     */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrationRepository(OAuth2ClientProperties properties,
                                                                      @Value("${waypoint.keycloak.end-session-uri}") String endSession) {
        List<ClientRegistration> registrations = new OAuth2ClientPropertiesMapper(properties).asClientRegistrations().values().stream()
                .map(registration -> {
                    if (!REGISTRATION.equals(registration.getRegistrationId())) {
                        return registration;
                    }
                    Map<String, Object> metadata = new HashMap<>(registration.getProviderDetails().getConfigurationMetadata());
                    metadata.putIfAbsent("end_session_endpoint", endSession);
                    return ClientRegistration.withClientRegistration(registration).providerConfigurationMetadata(metadata).build();
                })
                .toList();
        return new InMemoryReactiveClientRegistrationRepository(registrations);
    }

    /**
     * Writes that ride on a browser's cookies need a CSRF token. A bearer-token call, or a call
     * carrying no cookie at all, has no ambient credential to abuse: it is authenticated (or
     * refused with 401) on its own.
     */
    private static Mono<ServerWebExchangeMatcher.MatchResult> needsCsrfProtection(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        HttpHeaders headers = exchange.getRequest().getHeaders();
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS || method == HttpMethod.TRACE;
        boolean cookies = !exchange.getRequest().getCookies().isEmpty();
        return safe || bearer(headers) || !cookies ? ServerWebExchangeMatcher.MatchResult.notMatch() : ServerWebExchangeMatcher.MatchResult.match();
    }

    private static Mono<JwtAuthenticationToken> authentication(Jwt jwt) {
        List<GrantedAuthority> authorities = KeycloakClaims.realmRoles(jwt.getClaims());
        String name = jwt.getClaimAsString("preferred_username");
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, name != null ? name : jwt.getSubject()));
    }

    private static Mono<Void> unauthorized(ServerWebExchange exchange, Exception e) {
        return Problems.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in first: a valid bearer token or session is required.");
    }

    private static Mono<Void> forbidden(ServerWebExchange exchange, Exception e) {
        return Problems.write(exchange, HttpStatus.FORBIDDEN, "Forbidden",
                "Not allowed: your role does not allow this, or the request lacks its CSRF token.");
    }
}
