package org.waypoint.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for Keycloak's token side in tests that are not about Keycloak itself: it publishes a
 * JWK set at Keycloak's path for realm {@code waypoint} over real HTTP and signs tokens shaped like
 * Keycloak's (issuer, {@code realm_access.roles}, {@code preferred_username}, {@code email}), so the
 * services validate them exactly as they validate Keycloak's. Tests of the Keycloak edge itself use
 * the real Keycloak.
 */
public final class TestKeycloak implements AutoCloseable {

    public static final String REALM = "waypoint";
    /** What the realm's audience mapper puts in {@code aud} of tokens meant for Waypoint's APIs. */
    public static final String AUDIENCE = "waypoint-api";

    private final HttpServer server;
    private final RSAKey key;
    private final String baseUrl;

    private TestKeycloak(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static TestKeycloak start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString())
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/realms/" + REALM + "/protocol/openid-connect/certs", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(jwks);
                }
            });
            server.start();
            return new TestKeycloak(server, key);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What services get as {@code KEYCLOAK_URL}. */
    public String url() {
        return baseUrl;
    }

    public String issuer() {
        return baseUrl + "/realms/" + REALM;
    }

    /** A valid access token for a user with these realm roles. */
    public String token(String username, String email, String... roles) {
        return sign(issuer(), username, email, List.of(), Instant.now().plus(Duration.ofMinutes(15)), roles);
    }

    /** A valid access token for a user who works in these service areas (claim {@code service_area}). */
    public String token(String username, String email, List<String> serviceAreas, String... roles) {
        return sign(issuer(), username, email, serviceAreas, Instant.now().plus(Duration.ofMinutes(15)), roles);
    }

    /** A token that expired a minute ago. */
    public String expiredToken(String username, String... roles) {
        return sign(issuer(), username, username + "@waypoint.example", List.of(), Instant.now().minus(Duration.ofMinutes(1)), roles);
    }

    /** A token signed by the right key but issued by someone else. */
    public String tokenFromOtherIssuer(String username, String... roles) {
        return sign("http://elsewhere.example/realms/" + REALM, username, username + "@waypoint.example", List.of(),
                Instant.now().plus(Duration.ofMinutes(15)), roles);
    }

    /** A token from the right realm and key, but meant for another application (no Waypoint audience). */
    public String tokenForAnotherAudience(String username, String... roles) {
        return sign(issuer(), List.of("account", "some-other-app"), username, username + "@waypoint.example", List.of(),
                Instant.now().plus(Duration.ofMinutes(15)), roles);
    }

    /** A token from the right realm for Waypoint, signed by a key Keycloak never published (as after a key rotation nobody has fetched yet). */
    public String tokenSignedWithAnUnpublishedKey(String username, String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey other = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).algorithm(JWSAlgorithm.RS256).build();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).audience(List.of(AUDIENCE, "account"))
                    .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
                    .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(15))))
                    .claim("preferred_username", username).claim("realm_access", Map.of("roles", List.of(roles))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(other.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new RSASSASigner(other));
            return jwt.serialize();
        } catch (JOSEException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(String issuer, String username, String email, List<String> serviceAreas, Instant expiry,
                        String... roles) {
        return sign(issuer, List.of(AUDIENCE, "account"), username, email, serviceAreas, expiry, roles);
    }

    private String sign(String issuer, List<String> audience, String username, String email, List<String> serviceAreas,
                        Instant expiry, String... roles) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString())
                .issueTime(Date.from(expiry.minus(Duration.ofMinutes(16))))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", "waypoint-cli")
                .claim("preferred_username", username)
                .claim("email", email)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .claim("service_area", serviceAreas)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
