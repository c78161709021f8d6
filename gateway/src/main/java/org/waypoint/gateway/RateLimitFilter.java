package org.waypoint.gateway;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Per-user and per-client rate limits on the API paths, checked right after authentication (so the
 * caller is known) and before anything is routed. The user is the Keycloak subject, whether signed in
 * with a session or calling with a token. The client is the token's {@code azp} (the integrator's
 * client: all its users and service account share the budget), or the remote address for a caller
 * without credentials; a signed-in person's client is the portal, which has no budget of its own.
 * Over a limit: 429 problem+json with {@code Retry-After} in whole seconds.
 */
final class RateLimitFilter implements WebFilter {

    private final boolean enabled;
    private final ServerWebExchangeMatcher paths;
    private final GatewayProperties.RateLimit config;
    private final TokenBuckets users;
    private final TokenBuckets clients;

    RateLimitFilter(GatewayProperties.RateLimit config, LongSupplier nanoClock) {
        this.enabled = config.enabled();
        this.config = config;
        this.paths = ServerWebExchangeMatchers.pathMatchers(config.paths().toArray(String[]::new));
        this.users = new TokenBuckets(config.perUser(), nanoClock);
        this.clients = new TokenBuckets(config.perClient(), nanoClock);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!enabled) {
            return chain.filter(exchange);
        }
        return paths.matches(exchange).flatMap(match -> match.isMatch()
                ? ReactiveSecurityContextHolder.getContext()
                        .map(SecurityContext::getAuthentication)
                        .map(Optional::of)
                        .defaultIfEmpty(Optional.empty())
                        .flatMap(authentication -> limit(exchange, chain, authentication.orElse(null)))
                : chain.filter(exchange));
    }

    private Mono<Void> limit(ServerWebExchange exchange, WebFilterChain chain, Authentication authentication) {
        String user = userKey(authentication);
        String client = clientKey(authentication, exchange);
        if (user != null) {
            Duration wait = users.take(user);
            if (!wait.isZero()) {
                return tooMany(exchange, wait, "You have sent more than " + describe(config.perUser()) + ".");
            }
        }
        if (client != null) {
            Duration wait = clients.take(client);
            if (!wait.isZero()) {
                if (user != null) {
                    users.giveBack(user);
                }
                return tooMany(exchange, wait, (authentication == null ? "This address has" : "This client has")
                        + " sent more than " + describe(config.perClient()) + ".");
            }
        }
        return chain.filter(exchange);
    }

    static String userKey(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token && token.getToken().getSubject() != null) {
            return "sub:" + token.getToken().getSubject();
        }
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser user && user.getSubject() != null) {
            return "sub:" + user.getSubject();
        }
        return authentication != null && authentication.isAuthenticated() ? "name:" + authentication.getName() : null;
    }

    static String clientKey(Authentication authentication, ServerWebExchange exchange) {
        if (authentication instanceof JwtAuthenticationToken token) {
            Jwt jwt = token.getToken();
            String client = jwt.getClaimAsString("azp");
            if (client == null) {
                client = jwt.getClaimAsString("client_id");
            }
            return "client:" + (client != null ? client : "unknown");
        }
        if (authentication != null && authentication.isAuthenticated()) {
            return null;
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        return "address:" + (remote == null ? "unknown" : remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString());
    }

    private static String describe(GatewayProperties.Limit limit) {
        return trim(limit.requestsPerSecond()) + " requests a second (bursts of up to " + limit.burst() + ")";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange, Duration wait, String detail) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                detail + " Try again in " + seconds + (seconds == 1 ? " second." : " seconds."),
                headers -> headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds)));
    }
}
