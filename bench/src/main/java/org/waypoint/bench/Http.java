package org.waypoint.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/** HTTP/1.1 on loopback with the JDK's client: one shared client, keep-alive connections. */
final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** What came back, and how long the whole exchange took. */
    record Response(int status, String body, long nanos) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        double millis() {
            return nanos / 1e6;
        }
    }

    private Http() {
    }

    static Response get(String url, String token, Duration timeout) {
        return send("GET", url, token, null, null, timeout);
    }

    static Response postJson(String url, String token, String json, Duration timeout) {
        return send("POST", url, token, "application/json", json == null ? null : json.getBytes(StandardCharsets.UTF_8), timeout);
    }

    /** A JSON POST naming the version it changes ({@code If-Match}), as indicator-service's measurements need. */
    static Response postJson(String url, String token, String json, String ifMatch, Duration timeout) {
        return send("POST", url, token, "application/json", json.getBytes(StandardCharsets.UTF_8), ifMatch, timeout);
    }

    static Response send(String method, String url, String token, String contentType, byte[] body, Duration timeout) {
        return send(method, url, token, contentType, body, null, timeout);
    }

    static Response send(String method, String url, String token, String contentType, byte[] body, String ifMatch,
                         Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(requireLoopback(url))).timeout(timeout);
        if (ifMatch != null) {
            b.header("If-Match", ifMatch);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        long start = System.nanoTime();
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), System.nanoTime() - start);
        } catch (IOException e) {
            return new Response(-1, e.toString(), System.nanoTime() - start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, "interrupted", System.nanoTime() - start);
        }
    }

    /** A multipart/form-data upload of one file in the field {@code file}. */
    static Response upload(String url, String token, String fileName, String fileContentType, byte[] file, Duration timeout) {
        String boundary = "bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + fileContentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + file.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(file, 0, body, head.length, file.length);
        System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
        return send("POST", url, token, "multipart/form-data; boundary=" + boundary, body, timeout);
    }

    /** Every request of the benchmark goes to this machine's loopback interface, nowhere else. */
    static String requireLoopback(String url) {
        String host = URI.create(url).getHost();
        if (!"localhost".equals(host) && !"127.0.0.1".equals(host)) {
            throw new IllegalArgumentException("the benchmark only talks to loopback, not " + url);
        }
        return url;
    }

    static String q(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
