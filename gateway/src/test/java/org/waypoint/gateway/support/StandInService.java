package org.waypoint.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for one of the services behind the gateway: it records every
 * request it sees (method, path with query, headers) and answers as each test tells it to.
 */
public final class StandInService implements AutoCloseable {

    /** A request as the service saw it; header names in lower case. */
    public record Seen(String method, String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    public record Answer(int status, String contentType, String body, long delayMillis) {
        public static Answer json(int status, String body) {
            return new Answer(status, "application/json", body, 0);
        }

        public Answer after(long millis) {
            return new Answer(status, contentType, body, millis);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final Map<String, Function<Seen, Answer>> answers = new LinkedHashMap<>();

    private StandInService(HttpServer server) {
        this.server = server;
    }

    public static StandInService start() {
        try {
            StandInService service = new StandInService(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            service.server.createContext("/", service::handle);
            service.server.setExecutor(service.executor);
            service.server.start();
            return service;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers requests whose path starts with {@code prefix} (the longest matching prefix wins). */
    public synchronized StandInService on(String prefix, Function<Seen, Answer> answer) {
        answers.put(prefix, answer);
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public List<Seen> seen(String pathPrefix) {
        return seen.stream().filter(s -> s.path().startsWith(pathPrefix)).toList();
    }

    public Seen last() {
        return seen.getLast();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(",", values)));
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Seen request = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(), headers, body);
        seen.add(request);
        Function<Seen, Answer> answer;
        synchronized (this) {
            answer = new ArrayList<>(answers.entrySet()).stream()
                    .filter(e -> request.path().startsWith(e.getKey()))
                    .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                    .map(Map.Entry::getValue)
                    .orElse(r -> Answer.json(404, "{\"title\":\"Not Found\"}"));
        }
        Answer reply = answer.apply(request);
        try {
            if (reply.delayMillis() > 0) {
                Thread.sleep(reply.delayMillis());
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gatewayGaveUp) {
            // the gateway's time limit cut the connection
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
