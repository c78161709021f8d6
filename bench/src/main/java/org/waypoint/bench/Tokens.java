package org.waypoint.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens from the benchmark's own Keycloak (direct grant with the public client
 * {@code waypoint-cli}, demo password {@code waypoint}). The issuer is the Keycloak URL, so the
 * services of the benchmark's platform accept only these. Refreshed after four minutes.
 */
final class Tokens {

    private record Cached(String token, long fetchedAt) {
    }

    private final String tokenUrl;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    Tokens(int keycloakPort) {
        this.tokenUrl = "http://localhost:" + keycloakPort + "/realms/waypoint/protocol/openid-connect/token";
    }

    String of(String username) {
        Cached c = cache.get(username);
        if (c != null && System.nanoTime() - c.fetchedAt < Duration.ofMinutes(4).toNanos()) {
            return c.token;
        }
        String form = "grant_type=password&client_id=waypoint-cli&username=" + Http.q(username) + "&password=waypoint";
        for (int attempt = 1; ; attempt++) {
            Http.Response r = Http.send("POST", tokenUrl, null, "application/x-www-form-urlencoded",
                    form.getBytes(java.nio.charset.StandardCharsets.UTF_8), Duration.ofSeconds(30));
            if (r.ok()) {
                String token = Json.read(r.body()).path("access_token").asString();
                cache.put(username, new Cached(token, System.nanoTime()));
                return token;
            }
            if (attempt >= 5) {
                throw new IllegalStateException("no token for " + username + " from " + tokenUrl + ": HTTP " + r.status() + " " + r.body());
            }
            Bench.sleep(Duration.ofSeconds(2));
        }
    }
}
