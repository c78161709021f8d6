package org.waypoint.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Property-based probing of a running service's API (issue 16): for every endpoint of the
 * authorization matrix, its sample request is sent again with generated inputs in place of each
 * query parameter, path variable, JSON field, the whole body and the uploaded file: text with
 * control characters and formula prefixes, MongoDB operators, numbers out of any range, values of
 * the wrong kind, nulls inside lists, unknown fields, bytes that are not text. The property: no
 * input ever gets a 5xx, and every 4xx is {@code application/problem+json}. Generation is seeded,
 * so a failing run names each request and repeats exactly.
 */
public final class InputRobustness {

    /** A request that broke the property: what was sent and what came back. */
    public record Finding(String request, int status, String contentType, String body) {
        @Override
        public String toString() {
            return request + " -> " + status + " " + contentType + (body.isEmpty() ? "" : "  " + body);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{([^}]+)}");
    /** Filters many lists take; probed on every endpoint besides the parameters its sample sends. */
    private static final List<String> COMMON_PARAMETERS = List.of("page", "size", "sort", "status", "q", "period", "serviceArea",
            "year", "format", "dryRun", "by", "owner", "from", "to", "planId", "registerId", "indicatorId", "assessment");

    /** Text a careless user or an attacker types. */
    private static final Arbitrary<String> NASTY_TEXT = Arbitraries.oneOf(
            Arbitraries.of("", " ", "=cmd|' /C calc'!A0", "+1+1", "-1", "@SUM(A1)", "\tx", "Title\r\nBcc: evil@example.com",
                    "{\"$ne\": null}", "$where", "../../etc/passwd", "%00", "\u0000", "\u001b[31m", "\uFEFF", "\uD83D\uDE00", "\uD800",
                    "<script>alert(1)</script>", "null", "true", "NaN", "Infinity", "1e309", "-0", "2099/00", "2021/22 Q9",
                    "2021/22 M13", "9999-99-99", "2021-02-30", "0000-01-01", "1/2/2022", "x".repeat(5_000), "9".repeat(400),
                    "café £100", "A,B\nC,D", "\"quoted\"", "'", "\\", "*", "?", "#", "%", "&x=1", "a b"),
            Arbitraries.strings().all().ofMaxLength(40),
            Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(4));

    /** Any JSON value, of any kind, as JSON text. */
    private static final Arbitrary<String> NASTY_JSON = Arbitraries.oneOf(
            NASTY_TEXT.map(AuthorizationMatrix::json),
            Arbitraries.of("null", "true", "false", "0", "-1", "2.5", "1e309", "-1e309", "1e-400", "123456789012345678901234567890",
                    "-9223372036854775809", "9223372036854775808", "2147483648", "[]", "[null]", "[[]]", "[1, \"x\"]", "{}",
                    "{\"$gt\": \"\"}", "{\"$ne\": null}", "[{\"$where\": \"1\"}]", "{\"a\": {\"b\": {\"c\": {}}}}", "\"\"", "[\"\"]"),
            Arbitraries.integers().map(String::valueOf),
            Arbitraries.doubles().map(String::valueOf));

    /** A whole body that is not the object the endpoint reads. */
    private static final Arbitrary<String> NASTY_BODY = Arbitraries.oneOf(NASTY_JSON,
            Arbitraries.of("", "{", "}", "{\"a\":", "[", "{\"a\" 1}", "\u0000", "<xml/>", "{\"__proto__\": {}}",
                    "{\"a\": 1, \"a\": 2}", "[".repeat(2_000) + "]".repeat(2_000)));

    /** File contents for uploads: tables with odd cells, bytes that are not text, nothing at all. */
    private static final Arbitrary<byte[]> NASTY_FILE = Arbitraries.oneOf(
            Arbitraries.of(new byte[0], "\n\n\n".getBytes(StandardCharsets.UTF_8), "Code,Title\n".getBytes(StandardCharsets.UTF_8),
                    "caf\u00e9 \u00a3100\n1,2\n".getBytes(StandardCharsets.ISO_8859_1), new byte[] {(byte) 0x81, (byte) 0xfe, 0, 1},
                    new byte[] {'P', 'K', 3, 4, 0, 0, 0, 0}, "\"unterminated,1\n2,3".getBytes(StandardCharsets.UTF_8)),
            NASTY_TEXT.list().ofMinSize(1).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(5)
                    .map(rows -> String.join("\n", rows.stream().map(r -> String.join(",", r)).toList()).getBytes(StandardCharsets.UTF_8)),
            Arbitraries.bytes().array(byte[].class).ofMaxSize(200));

    private final String baseUrl;
    private final String token;
    private final Supplier<Map<String, String>> fixtures;
    private final Random random;
    private final RandomGenerator<String> text = NASTY_TEXT.generatorWithEmbeddedEdgeCases(100);
    private final RandomGenerator<String> json = NASTY_JSON.generatorWithEmbeddedEdgeCases(100);
    private final RandomGenerator<String> bodies = NASTY_BODY.generatorWithEmbeddedEdgeCases(100);
    private final RandomGenerator<byte[]> files = NASTY_FILE.generatorWithEmbeddedEdgeCases(100);
    private final List<Finding> findings = new ArrayList<>();
    private Map<String, String> vars;
    private int sent;

    private InputRobustness(String baseUrl, String token, Supplier<Map<String, String>> fixtures, long seed) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.fixtures = fixtures;
        this.random = new Random(seed);
    }

    /**
     * Sends {@code tries} generated variants of each kind (query, path, body, file) of every entry,
     * as the caller whose {@code token} is given, and returns every request that got a 5xx or a 4xx
     * that is not problem+json.
     */
    public static Result probe(String baseUrl, List<AuthorizationMatrix.Entry> entries, String token,
                                      Supplier<Map<String, String>> fixtures, long seed, int tries) {
        boolean own = !JqwikSession.isActive();
        if (own) {
            JqwikSession.start(); // generators outside a jqwik property need a session of their own
        }
        try {
            return run(new InputRobustness(baseUrl, token, fixtures, seed), entries, tries);
        } finally {
            if (own) {
                JqwikSession.finish();
            }
        }
    }

    private static Result run(InputRobustness probe, List<AuthorizationMatrix.Entry> entries, int tries) {
        probe.vars = probe.fixtures.get();
        for (AuthorizationMatrix.Entry entry : entries) {
            for (int i = 0; i < tries; i++) {
                probe.query(entry);
                probe.pathVariables(entry);
                if (entry.body() != null) {
                    probe.body(entry);
                }
                if (entry.file() != null || entry.bodyResource() != null || isText(entry.contentType())) {
                    probe.file(entry);
                }
            }
        }
        return new Result(probe.sent, List.copyOf(probe.findings));
    }

    /** How many requests were answered, and those that broke the property. */
    public record Result(int sent, List<Finding> findings) {
    }

    private static boolean isText(String contentType) {
        return contentType != null && (contentType.startsWith("text/") || contentType.contains("spreadsheetml"));
    }

    // ------------------------------------------------------------------ what is varied

    private void query(AuthorizationMatrix.Entry entry) {
        String path = AuthorizationMatrix.substitute(entry.path(), vars);
        int q = path.indexOf('?');
        String route = q < 0 ? path : path.substring(0, q);
        Map<String, String> params = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : path.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                params.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        List<String> names = new ArrayList<>(params.keySet());
        names.addAll(COMMON_PARAMETERS);
        String name = names.get(random.nextInt(names.size()));
        Map<String, String> varied = new LinkedHashMap<>(params);
        switch (random.nextInt(3)) {
            case 0 -> varied.put(name, encode(next(text)));
            case 1 -> varied.put(name + (random.nextBoolean() ? "[$ne]" : ".x"), encode(next(text)));
            default -> {
                varied.put(name, encode(next(text)));
                varied.put(COMMON_PARAMETERS.get(random.nextInt(COMMON_PARAMETERS.size())), encode(next(text)));
            }
        }
        StringBuilder query = new StringBuilder();
        varied.forEach((k, v) -> query.append(query.isEmpty() ? "?" : "&").append(k).append('=').append(v));
        Sample sample = sample(entry);
        send(entry, route + query, sample.body(), sample.contentType(), "query");
    }

    private void pathVariables(AuthorizationMatrix.Entry entry) {
        Matcher variable = TEMPLATE_VARIABLE.matcher(entry.template());
        if (!variable.find()) {
            return;
        }
        String sample = AuthorizationMatrix.substitute(entry.path(), vars);
        String route = sample.contains("?") ? sample.substring(0, sample.indexOf('?')) : sample;
        String[] templateParts = entry.template().split("/");
        String[] sampleParts = route.split("/");
        if (templateParts.length != sampleParts.length) {
            return;
        }
        List<Integer> variables = new ArrayList<>();
        for (int i = 0; i < templateParts.length; i++) {
            if (templateParts[i].startsWith("{")) {
                variables.add(i);
            }
        }
        int which = variables.get(random.nextInt(variables.size()));
        String junk = next(text);
        sampleParts[which] = junk.isEmpty() ? "%20" : encode(junk);
        Sample request = sample(entry);
        send(entry, String.join("/", sampleParts) + (sample.contains("?") ? sample.substring(sample.indexOf('?')) : ""),
                request.body(), request.contentType(), "path");
    }

    @SuppressWarnings("unchecked")
    private void body(AuthorizationMatrix.Entry entry) {
        String path = AuthorizationMatrix.substitute(entry.path(), vars);
        String varied;
        if (random.nextInt(5) == 0 || !(entry.body() instanceof Map<?, ?> || entry.body() instanceof List<?>)) {
            varied = next(bodies);
        } else {
            Object copy = deepCopy(entry.body());
            List<List<Object>> fields = new ArrayList<>();
            collect(copy, new ArrayList<>(), fields, 0);
            String marker = "\u0001replace-" + UUID.randomUUID() + "\u0001";
            if (fields.isEmpty() || random.nextInt(6) == 0) {
                if (copy instanceof Map<?, ?> map) {
                    ((Map<String, Object>) map).put("unknownField" + random.nextInt(3), marker);
                }
            } else {
                List<Object> at = fields.get(random.nextInt(fields.size()));
                if (random.nextInt(8) == 0) {
                    remove(copy, at);
                } else {
                    set(copy, at, marker);
                }
            }
            varied = AuthorizationMatrix.json(copy).replace(AuthorizationMatrix.json(marker), next(json));
            varied = substituteKnown(varied);
        }
        send(entry, path, HttpRequest.BodyPublishers.ofString(varied, StandardCharsets.UTF_8),
                entry.contentType() != null ? entry.contentType() : "application/json", "body " + excerpt(varied));
    }

    private void file(AuthorizationMatrix.Entry entry) {
        String path = AuthorizationMatrix.substitute(entry.path(), vars);
        byte[] content = next(files);
        if (entry.file() != null) {
            String boundary = "probe-" + UUID.randomUUID();
            String name = String.valueOf(entry.file().getOrDefault("name", "file"));
            String[] filenames = {"upload.csv", "upload.xlsx", "upload.txt", "../../etc/passwd", "", "a\r\nb.csv"};
            String filename = filenames[random.nextInt(filenames.length)];
            String type = String.valueOf(entry.file().getOrDefault("type", "text/csv"));
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] all = new byte[head.length + content.length + tail.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(content, 0, all, head.length, content.length);
            System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
            send(entry, path, HttpRequest.BodyPublishers.ofByteArray(all), "multipart/form-data; boundary=" + boundary,
                    "file " + filename + " " + excerpt(new String(content, StandardCharsets.UTF_8)));
        } else {
            send(entry, path, HttpRequest.BodyPublishers.ofByteArray(content), entry.sendsContentType(),
                    "file body " + excerpt(new String(content, StandardCharsets.UTF_8)));
        }
    }

    // ------------------------------------------------------------------ sending and judging

    private void send(AuthorizationMatrix.Entry entry, String pathAndQuery, HttpRequest.BodyPublisher body, String contentType,
                      String what) {
        String target = pathAndQuery.replace(" ", "%20");
        URI uri;
        try {
            uri = URI.create(baseUrl + target);
        } catch (IllegalArgumentException notAUri) {
            return; // no HTTP client could send it
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).method(entry.method(), body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        entry.headers().forEach((k, v) -> request.header(k, substituteKnown(v)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            findings.add(new Finding(entry.method() + " " + target + " [" + what + "]", -1, "", "connection failed: " + e));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        sent++;
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        boolean broken = status >= 500 || (status >= 400 && !type.startsWith("application/problem+json"));
        if (broken) {
            findings.add(new Finding(entry.method() + " " + target + " [" + what + "]", status, type, excerpt(response.body())));
        }
        if (!READS.contains(entry.method()) && status >= 200 && status < 300) {
            vars = fixtures.get(); // the next request meets the same data again
        }
    }

    /** The entry's own body and content type, as the matrix sends it. */
    private record Sample(HttpRequest.BodyPublisher body, String contentType) {
    }

    private Sample sample(AuthorizationMatrix.Entry entry) {
        if (entry.file() != null) {
            String boundary = "probe-" + UUID.randomUUID();
            return new Sample(HttpRequest.BodyPublishers.ofString(AuthorizationMatrix.multipart(boundary, entry.file(), vars),
                    StandardCharsets.UTF_8), entry.sendsContentType() + "; boundary=" + boundary);
        }
        if (entry.bodyResource() != null) {
            return new Sample(HttpRequest.BodyPublishers.ofByteArray(AuthorizationMatrix.bytes(entry.bodyResource())), entry.sendsContentType());
        }
        if (entry.body() == null) {
            return new Sample(HttpRequest.BodyPublishers.noBody(), entry.sendsContentType());
        }
        String text = entry.body() instanceof String s ? s : AuthorizationMatrix.json(entry.body());
        return new Sample(HttpRequest.BodyPublishers.ofString(substituteKnown(text), StandardCharsets.UTF_8), entry.sendsContentType());
    }

    /** {@code ${name}} replaced where the fixtures give it; a generated value is never mistaken for one. */
    private String substituteKnown(String text) {
        Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        return m.appendTail(out).toString();
    }

    private <T> T next(RandomGenerator<T> generator) {
        return generator.next(random).value();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }

    // ------------------------------------------------------------------ JSON trees read from the matrix

    @SuppressWarnings("unchecked")
    private static Object deepCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), deepCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    private static void collect(Object value, List<Object> at, List<List<Object>> into, int depth) {
        if (depth > 3) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                List<Object> here = new ArrayList<>(at);
                here.add(String.valueOf(k));
                into.add(here);
                collect(v, here, into, depth + 1);
            });
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            List<Object> here = new ArrayList<>(at);
            here.add(0);
            into.add(here);
            collect(list.get(0), here, into, depth + 1);
        }
    }

    @SuppressWarnings("unchecked")
    private static void set(Object root, List<Object> at, Object value) {
        Object parent = walk(root, at.subList(0, at.size() - 1));
        Object last = at.get(at.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).put((String) last, value);
        } else if (parent instanceof List<?> list) {
            ((List<Object>) list).set((Integer) last, value);
        }
    }

    private static void remove(Object root, List<Object> at) {
        Object parent = walk(root, at.subList(0, at.size() - 1));
        Object last = at.get(at.size() - 1);
        if (parent instanceof Map<?, ?> map) {
            map.remove(last);
        } else if (parent instanceof List<?> list) {
            list.remove((int) (Integer) last);
        }
    }

    private static Object walk(Object root, List<Object> at) {
        Object here = root;
        for (Object step : at) {
            here = here instanceof Map<?, ?> map ? map.get(step) : ((List<?>) here).get((Integer) step);
        }
        return here;
    }
}
