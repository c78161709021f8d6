package org.waypoint.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Keycloak's OpenID Connect side for realm {@code waypoint}, over real HTTP, for the gateway's
 * tests of signing in: the authorization endpoint signs in whoever the test said is at the keyboard
 * (no login form) and redirects back with a code; the token endpoint checks the PKCE verifier and
 * issues Keycloak-shaped access, ID and refresh tokens; userinfo, JWK set and end-session work as
 * Keycloak's do. Also mints bearer tokens for any client ({@code azp}).
 */
public final class FakeKeycloak implements AutoCloseable {

    public static final String REALM = "waypoint";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Someone Keycloak knows. */
    public record Person(String username, String name, String email, List<String> serviceAreas, String manager,
                         List<String> roles) {
        public String subject() {
            return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
        }
    }

    /** A call to the end-session endpoint, as the browser made it. */
    public record Logout(String idTokenHint, String postLogoutRedirectUri, String clientId) {
    }

    private record Grant(Person person, String clientId, String nonce, String codeChallenge, String redirectUri) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final String baseUrl;
    private volatile Person atTheKeyboard;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Person> accessTokens = new ConcurrentHashMap<>();
    private final List<Logout> logouts = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();

    private FakeKeycloak(HttpServer server, RSAKey key) {
        this.server = server;
        this.key = key;
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static FakeKeycloak start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).algorithm(JWSAlgorithm.RS256).build();
            FakeKeycloak keycloak = new FakeKeycloak(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), key);
            String oidc = "/realms/" + REALM + "/protocol/openid-connect/";
            keycloak.server.createContext(oidc + "certs", keycloak::certs);
            keycloak.server.createContext(oidc + "auth", keycloak::authorize);
            keycloak.server.createContext(oidc + "token", keycloak::token);
            keycloak.server.createContext(oidc + "userinfo", keycloak::userInfo);
            keycloak.server.createContext(oidc + "logout", keycloak::logout);
            keycloak.server.start();
            return keycloak;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the gateway gets as {@code KEYCLOAK_URL}. */
    public String url() {
        return baseUrl;
    }

    public String issuer() {
        return baseUrl + "/realms/" + REALM;
    }

    /** The next sign-in at the authorization endpoint is this person's. */
    public void signsInNext(Person person) {
        this.atTheKeyboard = person;
    }

    public List<Logout> logouts() {
        return List.copyOf(logouts);
    }

    public List<String> tokenRequests() {
        return List.copyOf(tokenRequests);
    }

    /** A bearer token as Keycloak would issue to {@code clientId} for this person. */
    public String accessToken(Person person, String clientId) {
        String token = sign(accessClaims(person, clientId).build());
        accessTokens.put(token, person);
        return token;
    }

    private JWTClaimsSet.Builder accessClaims(Person person, String clientId) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(person.subject())
                .audience("account")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", clientId)
                .claim("scope", "openid profile email")
                .claim("preferred_username", person.username())
                .claim("name", person.name())
                .claim("email", person.email())
                .claim("realm_access", Map.of("roles", person.roles()))
                .claim("service_area", person.serviceAreas());
        if (person.manager() != null) {
            claims.claim("manager", person.manager());
        }
        return claims;
    }

    private String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void certs(HttpExchange exchange) throws IOException {
        respond(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString());
    }

    /** Signs in the person at the keyboard at once and sends the browser back with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        Person person = atTheKeyboard;
        if (person == null || !"code".equals(query.get("response_type")) || !"S256".equals(query.get("code_challenge_method"))) {
            respond(exchange, 400, "text/plain", "no one to sign in, or not a PKCE authorization code request");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(person, query.get("client_id"), query.get("nonce"), query.get("code_challenge"), query.get("redirect_uri")));
        String location = query.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> form;
        try (InputStream in = exchange.getRequestBody()) {
            form = form(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        tokenRequests.add(form.get("grant_type"));
        Grant grant;
        if ("authorization_code".equals(form.get("grant_type"))) {
            grant = codes.remove(form.getOrDefault("code", ""));
            if (grant == null || !grant.codeChallenge().equals(s256(form.getOrDefault("code_verifier", "")))
                    || !grant.redirectUri().equals(form.get("redirect_uri"))) {
                respond(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                return;
            }
        } else if ("refresh_token".equals(form.get("grant_type"))) {
            grant = refreshTokens.get(form.getOrDefault("refresh_token", ""));
            if (grant == null) {
                respond(exchange, 400, "application/json", "{\"error\":\"invalid_grant\"}");
                return;
            }
        } else {
            respond(exchange, 400, "application/json", "{\"error\":\"unsupported_grant_type\"}");
            return;
        }
        Person person = grant.person();
        String access = accessToken(person, grant.clientId());
        Instant now = Instant.now();
        JWTClaimsSet.Builder id = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject(person.subject())
                .audience(grant.clientId())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .claim("azp", grant.clientId())
                .claim("typ", "ID")
                .claim("preferred_username", person.username())
                .claim("name", person.name())
                .claim("email", person.email());
        if (grant.nonce() != null) {
            id.claim("nonce", grant.nonce());
        }
        String refresh = UUID.randomUUID().toString();
        refreshTokens.put(refresh, grant);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", access);
        body.put("token_type", "Bearer");
        body.put("expires_in", 300);
        body.put("refresh_token", refresh);
        body.put("id_token", sign(id.build()));
        body.put("scope", "openid profile email");
        respond(exchange, 200, "application/json", JSON.writeValueAsString(body));
    }

    private void userInfo(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Person person = authorization == null ? null : accessTokens.get(authorization.replaceFirst("(?i)^Bearer ", ""));
        if (person == null) {
            respond(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
            return;
        }
        // Keycloak's userinfo: profile and email claims (the realm's mappers add service_area here too)
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", person.subject());
        claims.put("preferred_username", person.username());
        claims.put("name", person.name());
        claims.put("email", person.email());
        respond(exchange, 200, "application/json", JSON.writeValueAsString(claims));
    }

    private void logout(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        logouts.add(new Logout(query.get("id_token_hint"), query.get("post_logout_redirect_uri"), query.get("client_id")));
        if (query.containsKey("post_logout_redirect_uri")) {
            exchange.getResponseHeaders().add("Location", query.get("post_logout_redirect_uri"));
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        } else {
            respond(exchange, 200, "text/html", "<p>You are signed out.</p>");
        }
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            values.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
