package org.waypoint.notification.directory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.retry.annotation.Retry;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.waypoint.notification.alert.domain.Person;

import tools.jackson.databind.JsonNode;

/**
 * Keycloak's Admin REST API, read with a client-credentials token: a user by username, and the
 * users holding the manager role, with their {@code manager} and {@code service_area} attributes.
 * Calls go through the Resilience4j retry and circuit breaker named {@code directory}
 * (configured under {@code resilience4j.*} in notification-service.yml).
 */
public class KeycloakAdminClient {

    private final RestClient http;
    private final DirectoryProperties.Keycloak settings;
    private final Clock clock;
    private volatile String token;
    private volatile Instant tokenExpires = Instant.MIN;

    public KeycloakAdminClient(DirectoryProperties.Keycloak settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        HttpClient client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().baseUrl(settings.url()).requestFactory(factory).build();
    }

    @Retry(name = "directory")
    @CircuitBreaker(name = "directory")
    public Optional<Person> user(String username) {
        JsonNode users = get("/admin/realms/{realm}/users?username={username}&exact=true&briefRepresentation=false", username);
        for (JsonNode user : users) {
            if (username.equalsIgnoreCase(user.path("username").asString(""))) {
                return Optional.of(toPerson(user));
            }
        }
        return Optional.empty();
    }

    @Retry(name = "directory")
    @CircuitBreaker(name = "directory")
    public List<Person> managers() {
        JsonNode users = get("/admin/realms/{realm}/roles/{role}/users?briefRepresentation=false&first=0&max=1000",
                settings.managerRole());
        List<Person> managers = new ArrayList<>();
        users.forEach(user -> managers.add(toPerson(user)));
        return managers;
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
