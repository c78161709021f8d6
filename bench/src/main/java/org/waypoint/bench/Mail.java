package org.waypoint.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** The mail viewer's HTTP API on the benchmark's platform: what SMTP accepted, and when. */
final class Mail {

    /** {@code messageId}: the email's Message-ID header, as the mail viewer read it. */
    record Message(String subject, List<String> to, Instant receivedAt, String messageId) {
    }

    private final String base;

    Mail(int port) {
        this.base = "http://localhost:" + port;
    }

    void clear() {
        Http.send("DELETE", base + "/api/messages", null, null, null, Duration.ofSeconds(30));
    }

    /** The messages whose subject contains {@code marker} (the viewer keeps the newest 1,000). */
    List<Message> matching(String marker) {
        Http.Response r = Http.get(base + "/api/messages", null, Duration.ofSeconds(30));
        List<Message> out = new ArrayList<>();
        if (!r.ok()) {
            return out;
        }
        for (JsonNode m : Json.read(r.body())) {
            String subject = m.path("subject").asString();
            if (subject.contains(marker)) {
                List<String> to = new ArrayList<>();
                m.path("to").forEach(t -> to.add(t.asString()));
                out.add(new Message(subject, to, Instant.parse(m.path("receivedAt").asString()), m.path("messageId").asString("")));
            }
        }
        return out;
    }

    /** Polls until {@code expected} matching messages arrived or the time is up; returns what arrived. */
    List<Message> await(String marker, int expected, Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        List<Message> got = matching(marker);
        while (got.size() < expected && System.nanoTime() < deadline) {
            Bench.sleep(Duration.ofMillis(500));
            got = matching(marker);
        }
        return got;
    }
}
