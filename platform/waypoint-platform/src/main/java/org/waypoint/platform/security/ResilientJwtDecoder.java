package org.waypoint.platform.security;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The identity provider's signing keys, kept so that a valid token keeps working while Keycloak is
 * down (issue 15): the key set is cached for {@code ttl}, refreshed in the background
 * {@code refreshAhead} before it expires, and, when Keycloak cannot be reached, the last good set
 * is kept for as long as the outage lasts. Only a token whose key is not in that set, while
 * Keycloak cannot be asked (its last fetch failed), cannot be checked: {@link WaypointSecurityConfiguration}
 * answers it 503. With Keycloak up, an unknown key is simply a bad token (401).
 * Issuer, expiry and audience are checked as Spring Boot's own decoder checks them.
 */
public final class ResilientJwtDecoder {

    /** How the key set is fetched and kept ({@code waypoint.security.jwks.*}). */
    public record Keys(Duration ttl, Duration refreshAhead, Duration timeout) {
    }

    private ResilientJwtDecoder() {
    }

    public static JwtDecoder create(String jwkSetUri, String issuer, Collection<String> audiences, Keys keys) {
        int timeout = (int) keys.timeout().toMillis();
        AtomicBoolean reachable = new AtomicBoolean(true);
        JWKSource<SecurityContext> source;
        try {
            DefaultResourceRetriever http = new DefaultResourceRetriever(timeout, timeout, JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT);
            ResourceRetriever watched = url -> {
                try {
                    Resource resource = http.retrieveResource(url);
                    reachable.set(true);
                    return resource;
                } catch (IOException e) {
                    reachable.set(false);
                    throw e;
                }
            };
            source = JWKSourceBuilder.<SecurityContext>create(URI.create(jwkSetUri).toURL(), watched)
                    .cache(keys.ttl().toMillis(), keys.timeout().toMillis())
                    .refreshAheadCache(keys.refreshAhead().toMillis(), true)
                    .outageTolerantForever()
                    // a token naming an unknown key makes at most one fetch per interval, never a storm
                    .rateLimited(Math.min(10_000, keys.ttl().toMillis() / 4))
                    .retrying(true)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Not a URL: " + jwkSetUri, e);
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(source)
                .jwsAlgorithms(algorithms -> algorithms.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
                        SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.ES256)))
                .build();
        OAuth2TokenValidator<Jwt> validator = issuer == null || issuer.isBlank() ? JwtValidators.createDefault()
                : JwtValidators.createDefaultWithIssuer(issuer);
        if (audiences != null && !audiences.isEmpty()) {
            validator = new DelegatingOAuth2TokenValidator<>(validator, new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
        }
        decoder.setJwtValidator(validator);
        return token -> {
            try {
                return decoder.decode(token);
            } catch (BadJwtException e) {
                if (!reachable.get() && e.getMessage() != null && e.getMessage().contains("no matching key")) {
                    // signed by a key we have never seen, and Keycloak cannot be asked whether it is new
                    throw new JwtException("The token's key is not known and the identity provider cannot be reached", e);
                }
                throw e;
            }
        };
    }
}
