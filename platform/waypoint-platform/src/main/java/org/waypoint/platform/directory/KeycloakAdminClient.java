package org.waypoint.platform.directory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * Keycloak's Admin REST API, read with a client-credentials token: a user by username, and the
 * users holding the manager role, with their {@code manager} and {@code service_area} attributes.
 * Every call goes through the Resilience4j retry inside the circuit breaker, both named
 * {@value #RESILIENCE_NAME} and configured under {@code resilience4j.*} in the service's yml (as
 * notification-service's {@code @Retry}/{@code @CircuitBreaker} annotations do, but without needing
 * AOP: a service without AspectJ gets the same retry and breaker).
 */
public class KeycloakAdminClient {

    /** The name of the retry and circuit breaker instances ({@code resilience4j.retry.instances.directory}, ...). */
    public static final String RESILIENCE_NAME = "directory";

    private final RestClient http;
    private final DirectoryProperties.Keycloak settings;
    private final Clock clock;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private volatile String token;
    private volatile Instant tokenExpires = Instant.MIN;

    public KeycloakAdminClient(DirectoryProperties.Keycloak settings, Clock clock, Retry retry, CircuitBreaker breaker) {
        this.settings = settings;
        this.clock = clock;
        this.retry = retry;
        this.breaker = breaker;
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().baseUrl(settings.url()).requestFactory(factory).build();
    }

    public Optional<Person> user(String username) {
        return resilient(() -> {
            JsonNode users = get("/admin/realms/{realm}/users?username={username}&exact=true&briefRepresentation=false", username);
            for (JsonNode user : users) {
                if (username.equalsIgnoreCase(user.path("username").asString(""))) {
                    return Optional.of(toPerson(user));
                }
            }
            return Optional.empty();
        });
    }

    public List<Person> managers() {
        return resilient(() -> {
            JsonNode users = get("/admin/realms/{realm}/roles/{role}/users?briefRepresentation=false&first=0&max=1000",
                    settings.managerRole());
            List<Person> managers = new ArrayList<>();
            users.forEach(user -> managers.add(toPerson(user)));
            return managers;
        });
    }

    /** Retry outermost, then the circuit breaker: Resilience4j's order for the annotations. */
    private <T> T resilient(Supplier<T> call) {
        return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, call)).get();
    }

    private JsonNode get(String path, String variable) {
        try {
            return http.get().uri(path, settings.realm(), variable).header("Authorization", "Bearer " + token())
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class);
        } catch (HttpClientErrorException.Unauthorized expired) {
            token = null; // fetched again on the retry
            throw expired;
        }
    }

    private String token() {
        if (token != null && clock.instant().isBefore(tokenExpires)) {
            return token;
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", settings.clientId());
        form.add("client_secret", settings.clientSecret());
        JsonNode answer = http.post().uri("/realms/{realm}/protocol/openid-connect/token", settings.realm())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve().body(JsonNode.class);
        token = answer.path("access_token").asString();
        tokenExpires = clock.instant().plusSeconds(Math.max(5, answer.path("expires_in").asLong(60) - 10));
        return token;
    }

    private static Person toPerson(JsonNode user) {
        JsonNode attributes = user.path("attributes");
        String name = (user.path("firstName").asString("") + " " + user.path("lastName").asString("")).trim();
        List<String> areas = new ArrayList<>();
        attributes.path("service_area").forEach(a -> areas.add(a.asString()));
        JsonNode manager = attributes.path("manager");
        String managerName = manager.isArray() && !manager.isEmpty() ? manager.get(0).asString() : null;
        return new Person(user.path("username").asString(), name.isEmpty() ? user.path("username").asString() : name,
                user.path("email").isMissingNode() || user.path("email").isNull() ? null : user.path("email").asString(),
                managerName, areas);
    }
}
