package org.waypoint.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.util.unit.DataSize;

/**
 * The gateway's own settings, under {@code waypoint.gateway}: rate limits, the time limit of each
 * route and the largest request body it forwards. Defaults live in gateway.yml; every value can be overridden by environment variable.
 */
@ConfigurationProperties("waypoint.gateway")
public record GatewayProperties(@DefaultValue RateLimit rateLimit, @DefaultValue TimeLimit timeLimit,
                                @DefaultValue("10MB") DataSize maxRequestSize) {

    /**
     * Token buckets kept in this gateway's memory: one per signed-in user (Keycloak subject) and one
     * per client (a token's {@code azp}, or the remote address of an anonymous caller).
     */
    public record RateLimit(@DefaultValue("true") boolean enabled,
                            @DefaultValue Limit perUser,
                            @DefaultValue Limit perClient,
                            @DefaultValue({"/api/**", "/openapi/**", "/me"}) List<String> paths) {
    }

    /** A steady rate with room for a burst: the bucket holds {@code burst} tokens and refills at the rate. */
    public record Limit(@DefaultValue("20") double requestsPerSecond, @DefaultValue("40") int burst) {
        public Limit {
            if (!(requestsPerSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("A rate limit needs requests-per-second > 0 and burst >= 1");
            }
        }
    }

    /** How long a route may take before its caller gets the 503 fallback: {@code default}, or per circuit-breaker name. */
    public record TimeLimit(@Name("default") @DefaultValue("10s") Duration defaultLimit, @DefaultValue Map<String, Duration> routes) {

        public Duration forRoute(String name) {
            return routes.getOrDefault(name, defaultLimit);
        }
    }
}
