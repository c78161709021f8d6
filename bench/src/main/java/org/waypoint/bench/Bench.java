package org.waypoint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * {@code ./waypoint bench}: loads a volume into the benchmark's own platform and measures what users
 * feel, next to the machine's own ceilings measured in the same run, then writes
 * {@code bench/results/latest.json} and {@code latest.md}. A separate process from the platform;
 * every request goes to loopback, and every loop is bounded in count and in time.
 */
public final class Bench {

    /** How much to load and how hard to measure. */
    record Size(String name, int plans, int actions, int indicators, int periods, int registers, int risks, int budgetLines,
                int scanSmall, int scanLarge, int scanChanged, int backlog, int inboxChanges, double inboxRate, int requests,
                Duration requestTime, int concurrency, int staticRequests, int kafkaMessages, int kafkaSync, int mongoDocuments,
                Duration deadline) {

        static Size of(String name) {
            return switch (name) {
                case "small" -> new Size("small", 8, 1_600, 600, 12, 4, 200, 400, 10_000, 100_000, 100, 150, 40, 2.0, 400,
                        Duration.ofSeconds(12), 4, 3_000, 20_000, 500, 2_000, Duration.ofMinutes(11));
                case "full" -> new Size("full", 50, 20_000, 10_000, 12, 20, 2_000, 5_000, 10_000, 100_000, 200, 400, 120, 2.0, 1_000,
                        Duration.ofSeconds(40), 4, 5_000, 100_000, 1_000, 5_000, Duration.ofMinutes(120));
                default -> throw new IllegalArgumentException("size must be small or full, not " + name);
            };
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("plans", plans);
            m.put("actions", actions);
            m.put("indicators", indicators);
            m.put("periodsPerIndicator", periods);
            m.put("riskRegisters", registers);
            m.put("risks", risks);
            m.put("budgetLines", budgetLines);
            m.put("scanVolumes", List.of(Math.max(actions, scanSmall), scanLarge));
            m.put("scanChangedActions", scanChanged);
            m.put("pipelineBacklogEvents", backlog);
            m.put("inboxChanges", inboxChanges);
            m.put("inboxRatePerSecond", inboxRate);
            m.put("requestsPerTarget", requests);
            m.put("secondsPerTarget", requestTime.toSeconds());
            m.put("concurrency", concurrency);
            return m;
        }
    }

    /** Where the benchmark's platform listens (loopback). */
    record Ports(int gatewayPort, int planPort, int indicatorPort, int riskPort, int budgetPort, int notificationPort,
                 int kafkaPort, int mongoPort, int keycloakPort, int mailPort, int staticPort) {
        String gateway() {
            return url(gatewayPort);
        }

        String plan() {
            return url(planPort);
        }

        String indicator() {
            return url(indicatorPort);
        }

        String risk() {
            return url(riskPort);
        }

        String budget() {
            return url(budgetPort);
        }

        static String url(int port) {
            return "http://localhost:" + port;
        }
    }

    private final Map<String, String> args;
    private final Size size;
    private final Ports ports;
    private final String tag = Long.toString(System.currentTimeMillis() / 1000 % 46_656_000L, 36);
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final long deadline;

    private Bench(Map<String, String> args) {
        this.args = args;
        this.size = Size.of(args.getOrDefault("size", "small"));
        this.ports = new Ports(port("gateway"), port("plan"), port("indicator"), port("risk"), port("budget"),
                port("notification"), port("kafka"), port("mongo"), port("keycloak"), port("mail"), port("static"));
        this.deadline = System.nanoTime() + size.deadline().toNanos();
    }

    private int port(String name) {
        String v = args.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing argument " + name + "=<port>");
        }
        return Integer.parseInt(v);
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        int status = new Bench(args).run();
        System.exit(status);
    }

    private int run() throws Exception {
        long start = System.nanoTime();
        Path logs = Path.of(args.get("logs"));
        Path runDir = Path.of(args.get("run"));
        Path out = Path.of(args.get("out"));
        boolean startedHere = "1".equals(args.get("startedHere"));
        results.put("run", Machine.describe(size, tag, startedHere, args.getOrDefault("appJavaOpts", ""), ports.mailPort()));
        results.put("size", size.toMap());
        Processes processes = new Processes(logs, runDir);
        results.put("startup", processes.startup());
        results.put("memoryBeforeLoad", processes.memory());

        Tokens tokens = new Tokens(ports.keycloakPort());
        Mail mail = new Mail(ports.mailPort());
        String bootstrap = "localhost:" + ports.kafkaPort();
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Process staticServer = null;
        int failures = 0;
        try (MongoClient mongo = MongoClients.create("mongodb://localhost:" + ports.mongoPort());
             Admin admin = Admin.create(adminProps)) {
            Settle settle = new Settle(mongo, admin);
            Loader loader = new Loader(ports, tokens);
            LoadGenerator generator = new LoadGenerator(size.concurrency());

            failures += phase("load", () -> {
                Map<String, Object> m = new LinkedHashMap<>();
                if (!startedHere && loader.alreadyLoaded()) {
                    m.put("skipped", "the running platform already holds a loaded volume (reused with --keep)");
                    return m;
                }
                Map<String, Loader.Loaded> loaded = loader.loadAll(size);
                loaded.forEach((k, v) -> m.put(k, v.toMap()));
                System.out.println("    loaded; waiting for the events it caused to be published and consumed");
                m.put("settle", settle.await(Duration.ofMinutes(size.name().equals("full") ? 30 : 3)));
                return m;
            });

            staticServer = startStaticServer(ports.staticPort());
            Ceilings ceilings = new Ceilings(bootstrap, tag);
            failures += phase("ceilings", () -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("kafka", ceilings.kafka(admin, size.kafkaMessages(), size.kafkaSync()));
                m.put("mongo", ceilings.mongo(mongo, size.mongoDocuments()));
                String url = Ports.url(ports.staticPort()) + "/static";
                generator.run(i -> url, null, 500, Duration.ofSeconds(10));
                m.put("staticHttp", generator.run(i -> url, null, size.staticRequests(), size.requestTime()).toMap());
                return m;
            });

            failures += phase("gets", () -> gets(tokens, generator));
            Notifications notifications = new Notifications(ports, tokens, mail, bootstrap, tag);
            failures += phase("changeToInbox", () -> notifications.changeToInbox(size.inboxChanges(), size.inboxRate()));
            failures += phase("pipeline", () -> notifications.pipeline(admin, size.backlog()));
            failures += phase("overdueScan", () -> {
                OverdueScan scan = new OverdueScan(ports, tokens, loader, tag, admin);
                Map<String, Object> m = new LinkedHashMap<>();
                int now = size.actions();
                if (now < size.scanSmall() - size.scanChanged()) {
                    Map<String, Object> grow = scan.grow(now, size.scanSmall() - size.scanChanged(), remaining().minusMinutes(4));
                    m.put("growthToFirst", grow);
                    m.put("settleAfterFirstGrowth", settle.await(Duration.ofMinutes(3)));
                    now = ((Number) grow.get("to")).intValue();
                }
                m.put("small", scan.measureAt(now, size.scanChanged(), "1"));
                now += size.scanChanged();
                // leave time for settling and the second volume's scans (about 40 s when the scan has little to settle), at least a minute to grow
                Duration growFor = remaining().minusSeconds(75);
                Map<String, Object> grow = scan.grow(now, size.scanLarge() - size.scanChanged(),
                        growFor.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : growFor);
                m.put("growth", grow);
                m.put("settleAfterGrowth", settle.await(size.name().equals("full") ? Duration.ofMinutes(20) : Duration.ofMinutes(3)));
                int reached = ((Number) grow.get("to")).intValue();
                m.put("large", scan.measureAt(reached, size.scanChanged(), "2"));
                return m;
            });
            results.put("memoryAtEnd", processes.memory());
        } finally {
            if (staticServer != null) {
                staticServer.destroy();
                staticServer.waitFor();
            }
        }
        Map<String, Object> run = cast(results.get("run"));
        run.put("seconds", Report.round((System.nanoTime() - start) / 1e9, 0));
        run.put("loadAverageAtEnd", Machine.loadAverage());
        Report report = new Report(results);
        report.write(out);
        System.out.println();
        System.out.println(report.markdown());
        return failures == 0 ? 0 : 1;
    }

    private Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    /** Runs one part; a failure is recorded (and the run goes on), a part past the deadline is skipped. */
    private int phase(String name, Callable<Map<String, Object>> body) {
        if (remaining().isZero()) {
            results.put(name, Map.of("skipped", "the run's time limit (" + size.deadline().toMinutes() + " min) was reached"));
            System.out.println("==> " + name + ": skipped (time limit)");
            return 1;
        }
        System.out.println("==> " + name);
        long start = System.nanoTime();
        try {
            Map<String, Object> m = body.call();
            m.put("phaseSeconds", Report.round((System.nanoTime() - start) / 1e9, 1));
            results.put(name, m);
            System.out.printf("    done in %.0f s%n", (System.nanoTime() - start) / 1e9);
            return 0;
        } catch (Exception | AssertionError e) {
            System.out.println("    FAILED: " + e);
            e.printStackTrace(System.out);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("failed", e.toString());
            results.put(name, m);
            return 1;
        }
    }

    /** The four portal GETs, through the gateway and straight to the service, alternating. */
    private Map<String, Object> gets(Tokens tokens, LoadGenerator generator) {
        String token = tokens.of("alex.auditor");
        String month = YearMonth.from(LocalDate.now()).minusMonths(1).toString();
        String since = LocalDate.now().minusYears(1).toString();
        Map<String, GetSpec> specs = new LinkedHashMap<>();
        specs.put("actionList", new GetSpec("50 actions of a plan, filtered and sorted", ports.plan(),
                i -> "/api/actions?planId=" + Loader.planId(1 + i % size.plans()) + "&dueAfter=" + since + "&sort=due,asc&size=50"));
        specs.put("scorecard", new GetSpec("scorecard page: 50 indicators of a service area as at a month", ports.indicator(),
                i -> "/api/indicators?serviceArea=" + Http.q(Loader.AREAS[i % 2]) + "&period=" + month + "&size=50&page=" + (i % 5)
                        + "&sort=code,asc"));
        specs.put("committeeSummary", new GetSpec("committee summary: every indicator as at a month", ports.indicator(),
                i -> "/api/indicators/summary?period=" + month));
        specs.put("heatMap", new GetSpec("risk heat map: every risk, current assessment", ports.risk(),
                i -> "/api/risks/heat-map?assessment=CURRENT"));
        Map<String, Object> m = new LinkedHashMap<>();
        for (var e : specs.entrySet()) {
            GetSpec s = e.getValue();
            Http.Response sample = Http.get(ports.gateway() + s.path().apply(0), token, Duration.ofSeconds(60));
            if (!sample.ok()) {
                throw new IllegalStateException(e.getKey() + ": HTTP " + sample.status() + " " + clip(sample.body()));
            }
            System.out.println("    " + e.getKey());
            IntFunction<String> direct = i -> s.service() + s.path().apply(i);
            IntFunction<String> gateway = i -> ports.gateway() + s.path().apply(i);
            Stats[] both = generator.paired(direct, gateway, token, size.requests(), size.requestTime(), 10);
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("what", s.what());
            g.put("path", s.path().apply(0));
            g.put("responseBytes", sample.body().length());
            g.put("itemsInResponse", Json.read(sample.body()).path("items").size());
            g.put("direct", both[0].toMap());
            g.put("gateway", both[1].toMap());
            g.put("gatewayOverheadP50Ms", Report.round(both[1].p50() - both[0].p50(), 2));
            g.put("gatewayOverheadP95Ms", Report.round(both[1].p95() - both[0].p95(), 2));
            // the same pairs one at a time: what the gateway adds when it is not queueing for the cores
            Stats[] alone = new LoadGenerator(1).paired(direct, gateway, token, Math.max(50, size.requests() / 4),
                    size.requestTime().dividedBy(2), 5);
            g.put("unloadedDirect", alone[0].toMap());
            g.put("unloadedGateway", alone[1].toMap());
            g.put("unloadedGatewayOverheadP50Ms", Report.round(alone[1].p50() - alone[0].p50(), 2));
            m.put(e.getKey(), g);
        }
        m.put("concurrency", generator.concurrency());
        m.put("user", "alex.auditor (auditor: reads everything)");
        return m;
    }

    private record GetSpec(String what, String service, IntFunction<String> path) {
    }

    private Process startStaticServer(int port) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process p = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                StaticServer.class.getName(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            if (Http.get(Ports.url(port) + "/static", null, Duration.ofSeconds(2)).ok()) {
                return p;
            }
            sleep(Duration.ofMillis(200));
        }
        p.destroy();
        throw new IllegalStateException("the static endpoint did not start on port " + port);
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String clip(String s) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "..." : one;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    static void writeQuietly(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            System.out.println("could not write " + file + ": " + e);
        }
    }

    static Instant now() {
        return Instant.now();
    }
}
