package org.waypoint.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/**
 * The authorization matrix of one service: a table (a test resource, {@code authorization-matrix.yml})
 * saying, for every endpoint, what each kind of caller gets - 401, 403 or 2xx - and a runner that
 * <ol>
 * <li>checks the table against the endpoints Spring MVC actually maps ({@link #assertCovers}): an
 * endpoint without an entry, or an entry whose endpoint is gone, fails the test;</li>
 * <li>calls every entry as every caller over real HTTP with signed tokens ({@link #run}) and reports
 * every mismatch at once, writing the outcome table to {@code target/authorization-matrix.md}.</li>
 * </ol>
 *
 * <p>The callers are fixed (see {@link #CALLERS}): anonymous (and an expired token, which must be
 * treated the same), a signed-in user with no Waypoint role, the owner (staff, in the service area
 * of the fixture, and its owner or lead), other staff in and out of that area, managers in and out
 * of it, the two officer roles, an auditor, an admin and an integrator. Fixtures name the owner as
 * {@link #OWNER}.
 *
 * <p>The file: {@code profiles} (name to a row of outcomes, one per caller in {@link #CALLERS}
 * order) and {@code endpoints}, each with {@code call} ("METHOD /path/{template}" exactly as
 * mapped), optional {@code path} (the sample path, with {@code ${name}} fixture variables and a query),
 * {@code body} (a YAML map or list sent as JSON, or a string sent as is) or {@code bodyResource} (a classpath
 * file sent as its bytes), {@code contentType},
 * {@code file} (a multipart upload: {@code name}, {@code filename}, {@code type}, {@code content}),
 * {@code headers}, {@code expect} (a profile name or a row) and {@code except} (caller to outcome).
 * Outcomes: {@code 2xx}, {@code 401}, {@code 403}, a status code, {@code allowed} (anything but
 * 401, 403 and 5xx: for calls whose sample cannot be meaningful for every caller), or {@code refused}
 * (a 2xx whose body matches the entry's {@code refusedWhen} pattern: imports that check each row's
 * permission and report it; a 2xx expected of such an entry must not match).
 */
public final class AuthorizationMatrix {

    /** The service area the fixtures are in; "elsewhere" callers work in {@link #OTHER_AREA}. */
    public static final String AREA = "Children and Justice";
    public static final String OTHER_AREA = "Adult and Older People";
    /** The username of the fixtures' owner or lead (caller {@code owner}). */
    public static final String OWNER = "olive.owner";
    public static final String OWNER_EMAIL = "olive.owner@waypoint.example";

    /** A kind of caller: its column name in the matrix, and who it is. */
    public record Caller(String name, String username, List<String> roles, List<String> areas) {
    }

    /** The columns of every matrix, in order. */
    public static final List<Caller> CALLERS = List.of(
            new Caller("anonymous", null, List.of(), List.of()),
            new Caller("no-role", "nora.norole", List.of(), List.of(AREA)),
            new Caller("owner", OWNER, List.of("staff"), List.of(AREA)),
            new Caller("staff", "stan.staff", List.of("staff"), List.of(AREA)),
            new Caller("staff-elsewhere", "esme.staff", List.of("staff"), List.of(OTHER_AREA)),
            new Caller("manager", "maggie.manager", List.of("manager", "staff"), List.of(AREA)),
            new Caller("manager-elsewhere", "omar.manager", List.of("manager", "staff"), List.of(OTHER_AREA)),
            new Caller("performance-officer", "percy.officer", List.of("performance-officer", "staff"), List.of()),
            new Caller("finance-officer", "fran.finance", List.of("finance-officer", "staff"), List.of()),
            new Caller("auditor", "audrey.auditor", List.of("auditor"), List.of()),
            new Caller("admin", "ada.admin", List.of("admin"), List.of()),
            new Caller("integrator", "service-account-waypoint-integrator", List.of("integrator"), List.of()));

    /** Paths that are not the service's API (open or served by actuator, springdoc and Spring's error page). */
    static final List<String> NOT_API = List.of("/actuator", "/error", "/v3/api-docs", "/swagger-ui");

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One row of the matrix. */
    public record Entry(String method, String template, String path, Object body, String bodyResource, String contentType,
                        Map<String, Object> file, Map<String, String> headers, Map<String, String> expected,
                        Pattern refusedWhen) {

        public String call() {
            return method + " " + template;
        }

        String sendsContentType() {
            if (contentType != null) {
                return contentType;
            }
            if (file != null) {
                return MediaType.MULTIPART_FORM_DATA_VALUE;
            }
            if (bodyResource != null) {
                return MediaType.APPLICATION_OCTET_STREAM_VALUE;
            }
            return body == null ? null : MediaType.APPLICATION_JSON_VALUE;
        }
    }

    /** What one caller got from one entry; {@code refused}: a 2xx whose body matched the entry's {@code refusedWhen}. */
    public record Outcome(Entry entry, String caller, String expected, int status, boolean refused, String body) {
        public boolean asExpected() {
            return expected.equals("refused") ? refused : !refused && matches(expected, status);
        }

        public String got() {
            return refused ? "refused" : String.valueOf(status);
        }
    }

    private final String resource;
    private final List<Entry> entries;
    private final Map<String, String> tokens = new LinkedHashMap<>();

    private AuthorizationMatrix(String resource, List<Entry> entries, TestKeycloak keycloak) {
        this.resource = resource;
        this.entries = entries;
        for (Caller c : CALLERS) {
            tokens.put(c.name(), c.username() == null ? null
                    : keycloak.token(c.username(), c.username() + "@waypoint.example", c.areas(), c.roles().toArray(String[]::new)));
        }
        tokens.put("expired", keycloak.expiredToken("olive.owner", "staff", "admin"));
    }

    /** Reads the matrix from a classpath resource, e.g. {@code /authorization-matrix.yml}. */
    public static AuthorizationMatrix load(String resource, TestKeycloak keycloak) {
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + resource + " on the test classpath");
            }
            Map<String, Object> yaml = new Yaml().load(in);
            return new AuthorizationMatrix(resource, entries(resource, yaml), keycloak);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** A token for one of the {@link #CALLERS} (null for anonymous), for fixtures that act as someone. */
    public String token(String caller) {
        if (!tokens.containsKey(caller)) {
            throw new IllegalArgumentException("no caller " + caller);
        }
        return tokens.get(caller);
    }

    // ------------------------------------------------------------------ reading the file

    @SuppressWarnings("unchecked")
    private static List<Entry> entries(String resource, Map<String, Object> yaml) {
        Map<String, Object> profiles = (Map<String, Object>) yaml.getOrDefault("profiles", Map.of());
        List<Map<String, Object>> raw = (List<Map<String, Object>>) yaml.get("endpoints");
        if (raw == null) {
            throw new IllegalArgumentException(resource + " has no endpoints");
        }
        List<Entry> entries = new ArrayList<>();
        for (Map<String, Object> e : raw) {
            String call = String.valueOf(e.get("call")).strip();
            String[] parts = call.split("\\s+", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException(resource + ": call must be 'METHOD /path', not '" + call + "'");
            }
            Object expect = e.get("expect");
            String row = expect == null ? null : profiles.containsKey(String.valueOf(expect))
                    ? String.valueOf(profiles.get(String.valueOf(expect))) : String.valueOf(expect);
            if (row == null) {
                throw new IllegalArgumentException(resource + ": " + call + " has no expect");
            }
            Map<String, String> expected = row(resource, call, row);
            Map<String, Object> except = (Map<String, Object>) e.getOrDefault("except", Map.of());
            except.forEach((caller, outcome) -> {
                if (!expected.containsKey(caller)) {
                    throw new IllegalArgumentException(resource + ": " + call + " names no caller " + caller);
                }
                expected.put(caller, outcome(resource, call, String.valueOf(outcome)));
            });
            expected.put("expired", expected.get("anonymous"));
            Map<String, String> headers = new LinkedHashMap<>();
            ((Map<String, Object>) e.getOrDefault("headers", Map.of())).forEach((k, v) -> headers.put(k, String.valueOf(v)));
            entries.add(new Entry(parts[0].toUpperCase(), parts[1], (String) e.getOrDefault("path", parts[1]), e.get("body"),
                    (String) e.get("bodyResource"), (String) e.get("contentType"), (Map<String, Object>) e.get("file"), headers, expected,
                    e.get("refusedWhen") == null ? null : Pattern.compile(String.valueOf(e.get("refusedWhen")))));
        }
        return entries;
    }

    private static Map<String, String> row(String resource, String call, String row) {
        String[] outcomes = row.strip().split("\\s+");
        if (outcomes.length != CALLERS.size()) {
            throw new IllegalArgumentException(resource + ": " + call + ": a row has " + CALLERS.size() + " outcomes ("
                    + CALLERS.stream().map(Caller::name).toList() + "), not " + outcomes.length + ": " + row);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (int i = 0; i < outcomes.length; i++) {
            expected.put(CALLERS.get(i).name(), outcome(resource, call, outcomes[i]));
        }
        return expected;
    }

    private static String outcome(String resource, String call, String outcome) {
        if (!outcome.matches("2xx|allowed|refused|[1-5][0-9][0-9]")) {
            throw new IllegalArgumentException(resource + ": " + call + ": '" + outcome + "' is not 2xx, allowed, refused or a status");
        }
        return outcome;
    }

    static boolean matches(String expected, int status) {
        return switch (expected) {
            case "2xx" -> status >= 200 && status < 300;
            case "allowed" -> status != 401 && status != 403 && status < 500;
            default -> Integer.parseInt(expected) == status;
        };
    }

    // ------------------------------------------------------------------ coverage

    /** An endpoint as Spring MVC maps it. */
    public record Endpoint(String method, String template, Set<MediaType> consumes, String handler) {
        boolean takes(Entry entry) {
            if (!method.equals(entry.method()) || !template.equals(entry.template())) {
                return false;
            }
            if (consumes.isEmpty()) {
                return true;
            }
            String type = entry.sendsContentType();
            return type != null && consumes.stream().anyMatch(c -> c.includes(MediaType.parseMediaType(type)));
        }

        @Override
        public String toString() {
            return method + " " + template + (consumes.isEmpty() ? "" : " consuming " + consumes) + " (" + handler + ")";
        }
    }

    /** Every API endpoint the application maps: each method of each handler, actuator, errors and API docs left out. */
    public static List<Endpoint> endpoints(ApplicationContext context) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class).values()) {
            mapping.getHandlerMethods().forEach((info, handler) -> {
                for (String template : patterns(info)) {
                    if (NOT_API.stream().anyMatch(template::startsWith)) {
                        continue;
                    }
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    String where = handler.getBeanType().getSimpleName() + "." + handler.getMethod().getName();
                    if (methods.isEmpty()) {
                        endpoints.add(new Endpoint("ANY", template, Set.of(), where));
                    }
                    for (RequestMethod m : methods) {
                        endpoints.add(new Endpoint(m.name(), template, info.getConsumesCondition().getConsumableMediaTypes(), where));
                    }
                }
            });
        }
        endpoints.sort((a, b) -> (a.template() + a.method()).compareTo(b.template() + b.method()));
        return endpoints;
    }

    private static Set<String> patterns(RequestMappingInfo info) {
        return info.getPatternValues();
    }

    /**
     * Fails naming every mapped endpoint without an entry (with a skeleton to paste) and every entry
     * whose endpoint no longer exists.
     */
    public void assertCovers(ApplicationContext context) {
        List<Endpoint> endpoints = endpoints(context);
        List<String> problems = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            if (endpoint.method().equals("ANY")) {
                problems.add("maps every HTTP method, so it cannot be listed: give it explicit methods: " + endpoint);
            } else if (entries.stream().noneMatch(endpoint::takes)) {
                problems.add("has no entry in " + resource + ": " + endpoint + "\n      add:  - call: " + endpoint.method() + " "
                        + endpoint.template() + (endpoint.consumes().isEmpty() ? "" : "\n              contentType: "
                        + endpoint.consumes().iterator().next()) + "\n              expect: <profile>");
            }
        }
        for (Entry entry : entries) {
            if (endpoints.stream().noneMatch(e -> e.takes(entry))) {
                problems.add("entry of " + resource + " names no endpoint (removed, renamed, or a content type it does not take): "
                        + entry.call() + (entry.sendsContentType() == null ? "" : " sending " + entry.sendsContentType()));
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError("The authorization matrix and the endpoints disagree (" + problems.size() + "):\n  - "
                    + String.join("\n  - ", problems));
        }
    }

    // ------------------------------------------------------------------ calling

    /**
     * Calls every entry as every caller. {@code fixtures} sets up the data the samples need and
     * returns their variables (for {@code ${name}} in paths, bodies and headers); it is called first
     * and again after every call that may have changed something (a write that was not refused), so
     * every call meets the same data at the same version.
     */
    public List<Outcome> run(String baseUrl, Supplier<Map<String, String>> fixtures) {
        Map<String, String> vars = fixtures.get();
        List<Outcome> outcomes = new ArrayList<>();
        for (Entry entry : entries) {
            for (Map.Entry<String, String> expected : entry.expected().entrySet()) {
                String caller = expected.getKey();
                HttpResponse<String> response = send(baseUrl, entry, tokens.get(caller), vars);
                int status = response.statusCode();
                boolean refused = entry.refusedWhen() != null && status >= 200 && status < 300
                        && entry.refusedWhen().matcher(response.body()).find();
                outcomes.add(new Outcome(entry, caller, expected.getValue(), status, refused, excerpt(response.body())));
                if (!READS.contains(entry.method()) && response.statusCode() != 401 && response.statusCode() != 403) {
                    vars = fixtures.get();
                }
            }
        }
        return outcomes;
    }

    /**
     * Fails listing every caller that did not get what the matrix says (all at once), after writing
     * the table of what each got to {@code target/authorization-matrix.md}.
     */
    public void assertAsExpected(List<Outcome> outcomes, String service) {
        write(outcomes, service);
        List<String> wrong = outcomes.stream().filter(o -> !o.asExpected())
                .map(o -> o.entry().call() + (o.entry().path().equals(o.entry().template()) ? "" : " (" + o.entry().path() + ")")
                        + " as " + o.caller() + ": expected " + o.expected() + ", got " + o.got()
                        + (o.body().isEmpty() ? "" : "  " + o.body()))
                .toList();
        if (!wrong.isEmpty()) {
            throw new AssertionError(wrong.size() + " of " + outcomes.size() + " calls did not get what " + resource
                    + " says:\n  - " + String.join("\n  - ", wrong));
        }
    }

    private HttpResponse<String> send(String baseUrl, Entry entry, String token, Map<String, String> vars) {
        String path = substitute(entry.path(), vars);
        if (path.contains("{") || path.contains("}")) {
            throw new IllegalArgumentException(resource + ": " + entry.call() + " needs a sample path, such as "
                    + entry.template().replaceAll("\\{([^}]+)}", "\\${$1}") + " with fixture variables");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        String contentType = entry.sendsContentType();
        if (entry.file() != null) {
            String boundary = "matrix-" + UUID.randomUUID();
            contentType = contentType + "; boundary=" + boundary;
            body = HttpRequest.BodyPublishers.ofString(multipart(boundary, entry.file(), vars), StandardCharsets.UTF_8);
        } else if (entry.bodyResource() != null) {
            body = HttpRequest.BodyPublishers.ofByteArray(bytes(entry.bodyResource()));
        } else if (entry.body() != null) {
            String text = entry.body() instanceof String s ? s : json(entry.body());
            body = HttpRequest.BodyPublishers.ofString(substitute(text, vars), StandardCharsets.UTF_8);
        }
        request.method(entry.method(), body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        entry.headers().forEach((k, v) -> request.header(k, substitute(v, vars)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(entry.call() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static byte[] bytes(String resource) {
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + resource + " on the test classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String multipart(String boundary, Map<String, Object> file, Map<String, String> vars) {
        String name = String.valueOf(file.getOrDefault("name", "file"));
        String filename = String.valueOf(file.getOrDefault("filename", "upload.csv"));
        String type = String.valueOf(file.getOrDefault("type", "text/csv"));
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + type + "\r\n\r\n" + substitute(String.valueOf(file.get("content")), vars)
                + "\r\n--" + boundary + "--\r\n";
    }

    static String substitute(String text, Map<String, String> vars) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = vars.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("the fixtures give no ${" + m.group(1) + "}: they give " + vars.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    /** YAML-read values (maps, lists, strings, numbers, booleans, null) as JSON. */
    static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(json(String.valueOf(k)) + ":" + json(v)));
            return "{" + String.join(",", fields) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(AuthorizationMatrix::json).toList()) + "]";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof java.util.Date date) {
            return json(date.toInstant().toString().substring(0, 10));
        }
        StringBuilder s = new StringBuilder("\"");
        for (char c : String.valueOf(value).toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> s.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return s.append('"').toString();
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 240 ? flat.substring(0, 240) + "..." : flat;
    }

    /**
     * The documented public endpoints (API description, health) answer without a token; everything
     * else is in the matrix, where anonymous and expired callers are expected to get 401.
     */
    public static void assertOpenToAnonymous(String baseUrl, String... paths) {
        List<String> closed = new ArrayList<>();
        for (String path : paths) {
            HttpResponse<String> response = Services.get(baseUrl + path, null);
            if (response.statusCode() != 200) {
                closed.add("GET " + path + " without a token: " + response.statusCode() + " " + excerpt(response.body()));
            }
        }
        if (!closed.isEmpty()) {
            throw new AssertionError("Public endpoints refused an anonymous caller:\n  - " + String.join("\n  - ", closed));
        }
    }

    // ------------------------------------------------------------------ the generated table

    private void write(List<Outcome> outcomes, String service) {
        List<String> callers = new ArrayList<>(CALLERS.stream().map(Caller::name).toList());
        callers.add(1, "expired");
        StringBuilder md = new StringBuilder("# Authorization matrix: " + service + "\n\nGenerated by the authorization matrix test from `"
                + resource + "`: the status each caller got (a mismatch with the file is marked `!`). The owner is staff in "
                + AREA + " who owns or leads the sample; \"elsewhere\" callers work in " + OTHER_AREA + ".\n\n| call | "
                + String.join(" | ", callers) + " |\n|---|" + "---|".repeat(callers.size()) + "\n");
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            String key = o.entry().call() + (o.entry().sendsContentType() == null || o.entry().sendsContentType().contains("json")
                    ? "" : " (" + o.entry().sendsContentType() + ")");
            table.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(o.caller(), o.got() + (o.asExpected() ? "" : "!"));
        }
        table.forEach((call, row) -> md.append("| `").append(call).append("` | ")
                .append(String.join(" | ", callers.stream().map(c -> row.getOrDefault(c, "")).toList())).append(" |\n"));
        try {
            Path dir = Path.of("target");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("authorization-matrix.md"), md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The callers' names, in column order (for messages). */
    public static List<String> callerNames() {
        return CALLERS.stream().map(Caller::name).toList();
    }
}
