package org.waypoint.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser as far as the gateway can tell: keeps the gateway's cookies (name, value and whether
 * script may read them), sends them back, and follows redirects only when told to. Requests to
 * other origins (Keycloak) go without the gateway's cookies.
 */
public final class Browser {

    public record Cookie(String name, String value, String attributes) {
        public boolean httpOnly() {
            return attributes.toLowerCase().contains("httponly");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String origin;
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    public Browser(String gatewayOrigin) {
        this.origin = gatewayOrigin;
    }

    /** Signs in at the gateway through Keycloak (whoever {@link FakeKeycloak#signsInNext} named). */
    public HttpResponse<String> signIn() {
        HttpResponse<String> response = get("/oauth2/authorization/keycloak");
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            String location = response.headers().firstValue("Location").orElseThrow();
            if (!URI.create(location).isAbsolute() || location.startsWith(origin)) {
                String path = location.startsWith(origin) ? location.substring(origin.length()) : location;
                if (path.equals("/") || path.isEmpty()) {
                    return response;
                }
                response = get(path);
            } else {
                response = send(HttpRequest.newBuilder(URI.create(location)).GET(), false);
            }
        }
        return response;
    }

    public Cookie cookie(String name) {
        return cookies.get(name);
    }

    public Map<String, Cookie> cookies() {
        return Map.copyOf(cookies);
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET(), true);
    }

    public HttpResponse<String> postJson(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), true);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), true);
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(origin + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request, boolean withCookies) {
        if (withCookies && !cookies.isEmpty()) {
            request.header("Cookie", cookies.values().stream().map(c -> c.name() + "=" + c.value()).collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (withCookies) {
                remember(response.headers().allValues("Set-Cookie"));
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(List<String> setCookies) {
        for (String header : setCookies) {
            int semicolon = header.indexOf(';');
            String pair = semicolon < 0 ? header : header.substring(0, semicolon);
            String attributes = semicolon < 0 ? "" : header.substring(semicolon + 1);
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || attributes.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, new Cookie(name, value, attributes));
            }
        }
    }
}
