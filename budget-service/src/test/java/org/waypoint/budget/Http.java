package org.waypoint.budget;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Real HTTP calls with a bearer token and optional If-Match, for the API tests. */
public final class Http {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    public static HttpResponse<String> get(String url, String token) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), token, null);
    }

    /** GET with one more request header. */
    public static HttpResponse<String> get(String url, String token, String header, String value) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET().header(header, value), token, null);
    }

    public static HttpResponse<String> post(String url, String token, String json) {
        return send(json(url).POST(HttpRequest.BodyPublishers.ofString(json)), token, null);
    }

    public static HttpResponse<String> post(String url, String token, String json, String ifMatch) {
        return send(json(url).POST(HttpRequest.BodyPublishers.ofString(json)), token, ifMatch);
    }

    public static HttpResponse<String> put(String url, String token, String json, String ifMatch) {
        return send(json(url).PUT(HttpRequest.BodyPublishers.ofString(json)), token, ifMatch);
    }

    public static HttpResponse<String> delete(String url, String token, String ifMatch) {
        return send(HttpRequest.newBuilder(URI.create(url)).DELETE(), token, ifMatch);
    }

    public static HttpResponse<String> postCsv(String url, String token, String csv) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)), token, null);
    }

    public static HttpResponse<String> postBody(String url, String token, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), token, null);
    }

    /** A form upload: one multipart field {@code file} holding {@code content} named {@code filename}. */
    public static HttpResponse<String> upload(String url, String token, String filename, String contentType, byte[] content) {
        String boundary = "waypoint-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return postBody(url, token, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** GET, keeping the body as bytes (for files). */
    public static HttpResponse<byte[]> download(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET().header("Authorization", "Bearer " + token);
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder json(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, String token, String ifMatch) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
