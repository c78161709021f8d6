package org.waypoint.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Stands in for Keycloak's Admin REST API at the edge where the test is about the directory being
 * unreachable: a real HTTP server (JDK HttpServer) that can be stopped and started again on the same
 * port, serving the token endpoint (client credentials) and the user representations Keycloak
 * returns ({@code username, firstName, lastName, email, attributes{manager, service_area}}).
 * A real Keycloak cannot be stopped and restarted within a unit test (16 s start);
 * the adapter's wire format is what is exercised here.
 */
public final class FakeKeycloakAdmin implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final List<Map<String, Object>> users;
    private final AtomicInteger userLookups = new AtomicInteger();
    private HttpServer server;

    public FakeKeycloakAdmin(int port, List<Map<String, Object>> users) {
        this.port = port;
        this.users = users;
    }

    public static Map<String, Object> user(String username, String first, String last, String email, String manager, String area) {
        Map<String, Object> attributes = new java.util.HashMap<>();
        if (area != null) {
            attributes.put("service_area", List.of(area));
        }
        if (manager != null) {
            attributes.put("manager", List.of(manager));
        }
        return Map.of("id", username + "-id", "username", username, "firstName", first, "lastName", last, "email", email,
                "enabled", true, "attributes", attributes);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int userLookups() {
        return userLookups.get();
    }

    public FakeKeycloakAdmin up() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/realms/waypoint/protocol/openid-connect/token", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (!form.contains("grant_type=client_credentials") || !form.contains("client_secret=s3cret")) {
                send(exchange, 401, Map.of("error", "unauthorized_client"));
                return;
            }
            send(exchange, 200, Map.of("access_token", "admin-token", "expires_in", 300, "token_type", "Bearer"));
        });
        server.createContext("/admin/realms/waypoint/users", exchange -> {
            if (!authorised(exchange)) {
                return;
            }
            userLookups.incrementAndGet();
            String username = query(exchange, "username");
            send(exchange, 200, users.stream().filter(u -> u.get("username").equals(username)).toList());
        });
        server.createContext("/admin/realms/waypoint/roles/manager/users", exchange -> {
            if (!authorised(exchange)) {
                return;
            }
            List<Map<String, Object>> managers = new ArrayList<>();
            for (Map<String, Object> u : users) {
                boolean managesSomeone = users.stream().anyMatch(other -> {
                    Object m = ((Map<?, ?>) other.get("attributes")).get("manager");
                    return m instanceof List<?> list && list.contains(u.get("username"));
                });
                if (managesSomeone) {
                    managers.add(u);
                }
            }
            send(exchange, 200, managers);
        });
        server.start();
        return this;
    }

    public FakeKeycloakAdmin down() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        return this;
    }

    private static boolean authorised(HttpExchange exchange) throws IOException {
        if (!"Bearer admin-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, Map.of("error", "HTTP 401 Unauthorized"));
            return false;
        }
        return true;
    }

    private static String query(HttpExchange exchange, String name) {
        String query = exchange.getRequestURI().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name) && kv.length == 2) {
                return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        down();
    }
}
