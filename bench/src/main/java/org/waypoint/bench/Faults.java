package org.waypoint.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.JsonNode;

/**
 * {@code ./waypoint faults}: an operator's bad day, on the platform {@code ./waypoint up} started.
 * Each case injects one fault with {@code ./waypoint part stop|kill|start} (the real processes:
 * Kafka, the MongoDB-compatible server, Keycloak, the SMTP server, the services), drives the
 * platform through the gateway as users do, and then counts, from what arrived on Kafka and at the
 * SMTP server, what was lost and what was doubled. Any loss fails the run; duplicates are reported
 * with the bound the design promises (ADR 43 for emails, ADR 2/71 for events: at least once, and
 * consumers de-duplicate by event id) and fail the run only above it.
 * Results in {@code bench/results/faults-latest.md} and {@code .json}.
 */
public final class Faults {

    static final String PLAN = "ea-chcj-sip-2021-24";
    static final String AREA = "Children and Justice";
    static final String ORGANISATION = "East Ayrshire Health and Social Care Partnership";
    static final String JAMIE = "{\"name\":\"Jamie Wilson\",\"username\":\"jamie.lead\",\"email\":\"jamie.wilson@waypoint.example\"}";
    static final Duration T = Duration.ofSeconds(30);

    /** One case's figures: what should have happened, what was lost, what was doubled, and the bound on the latter. */
    record Result(String name, String fault, int expected, int lost, int doubled, int doubledBound, double seconds,
                  List<String> notes, List<String> failures) {

        boolean passed() {
            return lost == 0 && doubled <= doubledBound && failures.isEmpty();
        }

        /** The promise about duplicates: a number, or "at least once" (events: consumers de-duplicate by id). */
        String bound() {
            return doubledBound == Integer.MAX_VALUE ? "at least once" : "bound " + doubledBound;
        }
    }

    private final Map<String, String> args;
    private final Path script;
    private final Bench.Ports ports;
    private final Tokens tokens;
    private final Mail mail;
    private final String bootstrap;
    private final String tag = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36).toUpperCase();
    private final int dispatchWorkers;

    private Faults(Map<String, String> args) {
        this.args = args;
        this.script = Path.of(args.get("waypoint"));
        this.ports = new Bench.Ports(port("gateway"), port("plan"), port("indicator"), port("risk"), port("budget"),
                port("notification"), port("kafka"), port("mongo"), port("keycloak"), port("mail"), 0);
        this.tokens = new Tokens(ports.keycloakPort());
        this.mail = new Mail(ports.mailPort());
        this.bootstrap = "localhost:" + ports.kafkaPort();
        this.dispatchWorkers = Integer.parseInt(args.getOrDefault("dispatchWorkers", "4"));
    }

    private int port(String name) {
        return Integer.parseInt(args.get(name));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String a : argv) {
            int eq = a.indexOf('=');
            args.put(a.substring(0, eq), a.substring(eq + 1));
        }
        Faults faults = new Faults(args);
        List<String> only = java.util.Arrays.stream(args.getOrDefault("only", "").split(",")).filter(s -> !s.isBlank()).toList();
        Map<String, Case> cases = new LinkedHashMap<>();
        cases.put("kafka", faults::kafkaStoppedDuringWrites);
        cases.put("smtp", faults::smtpStoppedDuringAlerts);
        cases.put("notification", faults::notificationServiceKilledMidBurst);
        cases.put("services", faults::domainServicesKilledMidBurst);
        cases.put("mongo", faults::databaseStoppedAndStarted);
        cases.put("keycloak", faults::identityProviderStopped);
        List<Result> results = new ArrayList<>();
        for (Map.Entry<String, Case> c : cases.entrySet()) {
            if (!only.isEmpty() && !only.contains(c.getKey())) {
                continue;
            }
            System.out.println("==> fault: " + c.getKey());
            long start = System.nanoTime();
            Result r;
            try {
                r = c.getValue().run();
            } catch (Exception | AssertionError e) {
                r = new Result(c.getKey(), "(the case itself failed)", 0, 0, 0, 0, (System.nanoTime() - start) / 1e9,
                        List.of(), List.of(e.toString()));
                faults.part("start", "kafka", "mongo", "keycloak", "mail", "plan-service", "indicator-service", "risk-service",
                        "budget-service", "notification-service", "gateway");
            }
            results.add(r);
            System.out.printf("    %s: expected %d, lost %d, doubled %d (%s), %.1f s%n", r.passed() ? "ok" : "FAIL",
                    r.expected(), r.lost(), r.doubled(), r.bound(), r.seconds());
            r.notes().forEach(n -> System.out.println("      " + n));
            r.failures().forEach(f -> System.out.println("      FAIL: " + f));
        }
        faults.write(results);
        long failed = results.stream().filter(r -> !r.passed()).count();
        System.out.printf("faults: %d cases, %d failed%n", results.size(), failed);
        System.exit(failed == 0 ? 0 : 1);
    }

    @FunctionalInterface
    interface Case {
        Result run() throws Exception;
    }

    // ------------------------------------------------------------------ the cases

    /** Kafka stopped while 50 actions are saved: every save answered 201, every event published once when it is back. */
    Result kafkaStoppedDuringWrites() throws Exception {
        long start = System.nanoTime();
        List<String> notes = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<TopicPartition, Long> from = endOffsets(Notifications.PLANS_TOPIC);
        part("stop", "kafka");
        String jamie = tokens.of("jamie.lead");
        List<String> saved = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            Http.Response r = create(ports.gateway() + "/api/actions", jamie, action("FK-" + tag + "-" + i, "2099"));
            if (r.status() == 201) {
                saved.add(Json.read(r.body()).path("id").asString());
            } else {
                failures.add("save " + i + " while Kafka was down: HTTP " + r.status() + " " + Bench.clip(r.body()));
            }
        }
        notes.add(saved.size() + " of 50 saves answered 201 while Kafka was down");
        part("start", "kafka");
        long back = System.nanoTime();
        Events events = readEvents(Notifications.PLANS_TOPIC, from, saved, ".ActionCreated.", Duration.ofSeconds(120));
        notes.add(String.format("all published %.1f s after Kafka was back", events.lastSeenAfter(back)));
        return new Result("kafka", "Kafka stopped while 50 actions were saved, then started", saved.size(),
                events.missing(saved), events.doubled(), Integer.MAX_VALUE, seconds(start), notes, failures);
    }

    /** The SMTP server stopped while 10 overdue actions raise 20 alerts: all 20 emails sent once when it is back. */
    Result smtpStoppedDuringAlerts() throws Exception {
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        part("stop", "mail");
        String marker = "FS-" + tag + "-";
        int created = createOverdueActions(marker, 10, failures);
        int announced = overdueCheck(failures);
        notes.add(announced + " actions announced overdue while the SMTP server was down");
        Bench.sleep(Duration.ofSeconds(5));
        part("start", "mail");
        long back = System.nanoTime();
        Inbox inbox = awaitInbox(marker, created * 2, Duration.ofSeconds(240));
        notes.add(String.format("the last email arrived %.1f s after the SMTP server was back", inbox.lastAfter(back)));
        return new Result("smtp", "SMTP server stopped while 10 overdue actions raised 20 alerts, then started",
                created * 2, created * 2 - inbox.distinct(), inbox.doubled(), 0, seconds(start), notes, failures);
    }

    /** notification-service killed with kill -9 in the middle of sending 100 emails: none lost, at most one doubled per worker. */
    Result notificationServiceKilledMidBurst() throws Exception {
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String marker = "FN-" + tag + "-";
        int created = createOverdueActions(marker, 50, failures);
        overdueCheck(failures);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int before = 0;
        while (before == 0 && System.nanoTime() < deadline) {
            Bench.sleep(Duration.ofMillis(50));
            before = mail.matching(marker).size();
        }
        part("kill", "notification-service");
        notes.add("killed after " + before + " of " + created * 2 + " emails had arrived");
        if (before >= created * 2) {
            failures.add("every email had arrived before the kill: the case did not test a crash mid-burst");
        }
        part("start", "notification-service");
        long back = System.nanoTime();
        // Alerts the dead process had claimed wait for their lease (waypoint.mail.sending-lease), then are taken over.
        Inbox inbox = awaitInbox(marker, created * 2, Duration.ofSeconds(300));
        notes.add(String.format("the last email arrived %.1f s after the restart", inbox.lastAfter(back)));
        if (inbox.lastAfter(back) > 150) { // the dead process's claims wait for their lease (PT1M), then are taken over
            failures.add(String.format("the last email came %.0f s after the restart: alerts waited for more than their lease",
                    inbox.lastAfter(back)));
        }
        if (!inbox.duplicatesShareMessageId()) {
            failures.add("a second copy of an email had another Message-ID than its first");
        }
        notes.add(inbox.doubled() + " second copies, each with its first copy's Message-ID");
        Http.Response log = Http.get(ports.gateway() + "/api/notifications/deliveries?possibleDuplicate=true&size=200", tokens.of("ruth.admin"), T);
        if (log.ok()) {
            int counted = 0;
            for (JsonNode n : Json.read(log.body()).path("items")) {
                if (n.toString().contains(marker)) {
                    counted++;
                }
            }
            notes.add(counted + " alerts of this burst marked as possible duplicates in the delivery log");
            if (counted < inbox.doubled()) {
                failures.add("the delivery log counts " + counted + " possible duplicates but " + inbox.doubled() + " arrived twice");
            }
        }
        return new Result("notification", "notification-service killed (kill -9) after the first of 100 emails, restarted",
                created * 2, created * 2 - inbox.distinct(), inbox.doubled(), dispatchWorkers, seconds(start), notes, failures);
    }

    /** The same user's writes to each domain service, each service killed with kill -9 in the middle of them. */
    Result domainServicesKilledMidBurst() throws Exception {
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String register = createRegister(failures);
        record Burst(String service, String topic, String createdType, String path, String user, IntFunction<String> body,
                     String readPath) {
        }
        String budgetYear = financialYear();
        List<Burst> bursts = List.of(
                new Burst("plan-service", Notifications.PLANS_TOPIC, ".ActionCreated.", "/api/actions", "jamie.lead",
                        i -> action("FP-" + tag + "-" + i, "2099"), "/api/actions/"),
                new Burst("indicator-service", Notifications.INDICATORS_TOPIC, ".IndicatorDefined.", "/api/indicators",
                        "priya.officer", i -> "{\"code\":\"FI-" + tag + "-" + i + "\",\"name\":\"Fault probe " + i
                        + ": reviews on time\",\"unit\":\"percentage\",\"polarity\":\"higher is better\",\"frequency\":\"monthly\","
                        + "\"serviceArea\":\"" + AREA + "\",\"owner\":" + JAMIE + "}", "/api/indicators/"),
                new Burst("risk-service", "waypoint.risks.v1", ".RiskRaised.", "/api/risks", "priya.officer",
                        i -> "{\"registerId\":" + Json.str(register) + ",\"code\":\"FR-" + tag + "-" + i
                                + "\",\"title\":\"Fault probe " + i + ": staff shortage\",\"category\":\"Workforce\",\"owner\":"
                                + JAMIE + ",\"current\":{\"likelihood\":2,\"impact\":2}}", "/api/risks/"),
                new Burst("budget-service", "waypoint.budgets.v1", ".BudgetSet.", "/api/budgets/lines", "fiona.finance",
                        i -> "{\"financialYear\":\"" + budgetYear + "\",\"organisation\":\"South Lanarkshire Council\","
                                + "\"division\":\"Children and Families\",\"fundingSource\":\"Council core\",\"type\":\"REVENUE\","
                                + "\"category\":\"STAFF\",\"description\":\"Fault probe " + tag + " " + i
                                + "\",\"amount\":\"1000.00\",\"holder\":{\"name\":\"Fault Holder\"}}", "/api/budgets/lines/"));
        Map<String, Map<TopicPartition, Long>> from = new HashMap<>();
        for (Burst b : bursts) {
            from.put(b.topic(), endOffsets(b.topic()));
        }
        Map<String, List<String>> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch warm = new CountDownLatch(bursts.size());
        ExecutorService pool = Executors.newFixedThreadPool(bursts.size());
        List<Future<?>> running = new ArrayList<>();
        for (Burst b : bursts) {
            List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
            acknowledged.put(b.service(), ids);
            running.add(pool.submit(() -> {
                for (int i = 1; i <= 200; i++) {
                    Http.Response r = create(ports.gateway() + b.path(), tokens.of(b.user()), b.body().apply(i));
                    if (r.status() == 201) {
                        ids.add(Json.read(r.body()).path("id").asString());
                        if (ids.size() == 10) {
                            warm.countDown();
                        }
                    } else if (killed.get()) {
                        return; // the service is gone: what was answered 201 is what must survive
                    } else {
                        failures.add(b.service() + " refused a create before the kill: HTTP " + r.status() + " " + Bench.clip(r.body()));
                        warm.countDown();
                        return;
                    }
                }
                warm.countDown();
            }));
        }
        warm.await(120, TimeUnit.SECONDS);
        killed.set(true);
        part("kill", bursts.stream().map(Burst::service).toArray(String[]::new));
        for (Future<?> f : running) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        part("start", bursts.stream().map(Burst::service).toArray(String[]::new));
        int expected = 0;
        int lost = 0;
        int doubled = 0;
        for (Burst b : bursts) {
            List<String> ids = List.copyOf(acknowledged.get(b.service()));
            expected += ids.size();
            int notStored = 0;
            for (String id : ids) {
                if (Http.get("http://localhost:" + servicePort(b.service()) + b.readPath() + Http.q(id), tokens.of("priya.officer"), T)
                        .status() != 200) {
                    notStored++;
                }
            }
            Events events = readEvents(b.topic(), from.get(b.topic()), ids, b.createdType(), Duration.ofSeconds(120));
            int missing = events.missing(ids);
            lost += notStored + missing;
            doubled += events.doubled();
            notes.add(String.format("%s: %d answered 201 before the kill, %d not stored, %d events missing, %d published twice",
                    b.service(), ids.size(), notStored, missing, events.doubled()));
        }
        return new Result("services", "plan-, indicator-, risk- and budget-service killed (kill -9) in a burst of creates, restarted",
                expected, lost, doubled, Integer.MAX_VALUE, seconds(start), notes, failures);
    }

    /** The database stopped: 503 problem+json from every service within seconds, nothing stored, recovery without a restart. */
    Result databaseStoppedAndStarted() throws Exception {
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        String priya = tokens.of("priya.officer");
        Map<TopicPartition, Long> from = endOffsets(Notifications.PLANS_TOPIC);
        part("stop", "mongo");
        Map<String, String> reads = Map.of("plan-service", "/api/actions?size=5", "indicator-service", "/api/indicators?size=5",
                "risk-service", "/api/risks?size=5", "budget-service", "/api/budgets/lines?size=5",
                "notification-service", "/api/notifications?size=5");
        for (Map.Entry<String, String> read : reads.entrySet()) {
            Http.Response r = Http.get(ports.gateway() + read.getValue(), priya, T);
            boolean problem = r.body() != null && r.body().contains("\"status\":503");
            notes.add(String.format("%s with the database down: HTTP %d in %.1f s", read.getKey(), r.status(), r.millis() / 1000));
            if (r.status() != 503 || !problem) {
                failures.add(read.getKey() + " answered HTTP " + r.status() + " (not a 503 problem) with the database down: "
                        + Bench.clip(r.body()));
            } else if (r.millis() > 5_000) {
                failures.add(read.getKey() + " took " + Math.round(r.millis()) + " ms to say the database is down");
            }
        }
        Http.Response refused = create(ports.gateway() + "/api/actions", tokens.of("jamie.lead"), action("FM-" + tag + "-0", "2099"));
        if (refused.status() != 503) {
            failures.add("a save with the database down was answered HTTP " + refused.status());
        }
        Http.Response ready = Http.get("http://localhost:" + ports.planPort() + "/actuator/health/readiness", null, T);
        notes.add("plan-service readiness with the database down: HTTP " + ready.status());
        if (ready.status() != 503) {
            failures.add("plan-service's readiness said HTTP " + ready.status() + " with the database down");
        }
        part("start", "mongo");
        long back = System.nanoTime();
        for (Map.Entry<String, String> read : reads.entrySet()) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            Http.Response r = Http.get(ports.gateway() + read.getValue(), priya, T);
            while (r.status() != 200 && System.nanoTime() < deadline) {
                Bench.sleep(Duration.ofMillis(500));
                r = Http.get(ports.gateway() + read.getValue(), priya, T);
            }
            if (r.status() != 200) {
                failures.add(read.getKey() + " did not recover without a restart: HTTP " + r.status());
            }
        }
        notes.add(String.format("every service answering again %.1f s after the database was back, none restarted", seconds(back)));
        Http.Response saved = create(ports.gateway() + "/api/actions", tokens.of("jamie.lead"), action("FM-" + tag + "-1", "2099"));
        List<String> ids = saved.status() == 201 ? List.of(Json.read(saved.body()).path("id").asString()) : List.of();
        if (ids.isEmpty()) {
            failures.add("a save after the database was back: HTTP " + saved.status() + " " + Bench.clip(saved.body()));
        }
        Events events = readEvents(Notifications.PLANS_TOPIC, from, ids, ".ActionCreated.", Duration.ofSeconds(60));
        Http.Response stored = Http.get(ports.gateway() + "/api/actions?q=" + Http.q("FM-" + tag + "-0"), priya, T);
        if (!stored.ok() || Json.read(stored.body()).path("total").asInt(-1) != 0) {
            failures.add("the save refused with the database down is there after all: " + Bench.clip(stored.body()));
        }
        return new Result("mongo", "MongoDB-compatible server stopped, reads and a save tried, then started",
                ids.size(), events.missing(ids), events.doubled(), 0, seconds(start), notes, failures);
    }

    /** Keycloak stopped for a minute: every call with a still-valid token keeps working. */
    Result identityProviderStopped() throws Exception {
        long start = System.nanoTime();
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Duration outage = Duration.parse(args.getOrDefault("keycloakOutage", "PT60S"));
        String priya = tokens.of("priya.officer");
        String jamie = tokens.of("jamie.lead");
        Map<TopicPartition, Long> from = endOffsets(Notifications.PLANS_TOPIC);
        part("stop", "keycloak");
        List<String> paths = List.of("/api/actions?size=5", "/api/indicators?size=5", "/api/risks?size=5",
                "/api/budgets/lines?size=5", "/api/notifications?size=5");
        int calls = 0;
        int refused = 0;
        List<String> ids = new ArrayList<>();
        long end = System.nanoTime() + outage.toNanos();
        int round = 0;
        while (System.nanoTime() < end) {
            for (String path : paths) {
                Http.Response r = Http.get(ports.gateway() + path, priya, T);
                calls++;
                if (r.status() != 200) {
                    refused++;
                    if (refused <= 3) {
                        failures.add("GET " + path + " with a valid token while Keycloak was down: HTTP " + r.status() + " "
                                + Bench.clip(r.body()));
                    }
                }
            }
            if (round++ % 10 == 0) {
                Http.Response r = create(ports.gateway() + "/api/actions", jamie, action("FKC-" + tag + "-" + round, "2099"));
                calls++;
                if (r.status() == 201) {
                    ids.add(Json.read(r.body()).path("id").asString());
                } else {
                    refused++;
                    failures.add("a save with a valid token while Keycloak was down: HTTP " + r.status() + " " + Bench.clip(r.body()));
                }
            }
            Bench.sleep(Duration.ofSeconds(2));
        }
        notes.add(calls + " calls with valid tokens during " + outage.toSeconds() + " s without Keycloak, " + refused + " refused");
        part("start", "keycloak");
        Events events = readEvents(Notifications.PLANS_TOPIC, from, ids, ".ActionCreated.", Duration.ofSeconds(60));
        return new Result("keycloak", "Keycloak stopped for " + outage.toSeconds() + " s while people worked, then started",
                calls, refused + events.missing(ids), events.doubled(), 0, seconds(start), notes, failures);
    }

    // ------------------------------------------------------------------ driving the platform

    static String action(String reference, String due) {
        return "{\"planId\":\"" + PLAN + "\",\"priorityId\":\"SP\",\"reference\":\"" + reference
                + "\",\"title\":\"Fault probe: support the implementation of the new MAPPA standards\",\"serviceArea\":\"" + AREA
                + "\",\"due\":\"" + due + "\",\"leads\":[" + JAMIE + "]}";
    }

    /** A POST through the gateway; a 429 (the per-person rate limit) waits and tries again, since nothing was done. */
    static Http.Response create(String url, String token, String json) {
        for (int attempt = 0; ; attempt++) {
            Http.Response r = Http.postJson(url, token, json, T);
            if (r.status() != 429 || attempt >= 20) {
                return r;
            }
            Bench.sleep(Duration.ofSeconds(1));
        }
    }

    private int createOverdueActions(String marker, int count, List<String> failures) {
        String jamie = tokens.of("jamie.lead");
        int created = 0;
        for (int i = 1; i <= count; i++) {
            Http.Response r = create(ports.gateway() + "/api/actions", jamie, action(marker + i, "2021"));
            if (r.status() == 201) {
                created++;
            } else {
                failures.add("an overdue action: HTTP " + r.status() + " " + Bench.clip(r.body()));
            }
        }
        return created;
    }

    private int overdueCheck(List<String> failures) {
        Http.Response r = Http.postJson(ports.gateway() + "/api/actions/overdue-check", tokens.of("sarah.manager"), "", T);
        if (!r.ok()) {
            failures.add("the overdue check: HTTP " + r.status() + " " + Bench.clip(r.body()));
            return 0;
        }
        return Json.read(r.body()).path("announced").asInt();
    }

    private String createRegister(List<String> failures) {
        Http.Response r = create(ports.gateway() + "/api/risk-registers", tokens.of("priya.officer"),
                "{\"name\":\"Fault probe register " + tag + "\",\"organisation\":\"" + ORGANISATION + "\",\"serviceArea\":\"" + AREA + "\"}");
        if (r.status() != 201) {
            failures.add("a risk register: HTTP " + r.status() + " " + Bench.clip(r.body()));
            return "none";
        }
        return Json.read(r.body()).path("id").asString();
    }

    private int servicePort(String service) {
        return switch (service) {
            case "plan-service" -> ports.planPort();
            case "indicator-service" -> ports.indicatorPort();
            case "risk-service" -> ports.riskPort();
            case "budget-service" -> ports.budgetPort();
            default -> ports.notificationPort();
        };
    }

    static String financialYear() {
        java.time.LocalDate today = java.time.LocalDate.now();
        int year = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        return year + "/" + String.format("%02d", (year + 1) % 100);
    }

    /** {@code ./waypoint part <verb> <names...>}: stop (TERM), kill (KILL) or start and wait until healthy. */
    void part(String verb, String... names) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), "part", verb));
        command.addAll(List.of(names));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            out.lines().forEach(l -> System.out.println("      | " + l));
            if (rc != 0) {
                throw new IllegalStateException("./waypoint part " + verb + " " + String.join(" ", names) + " failed (exit " + rc + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    // ------------------------------------------------------------------ counting what arrived

    /** What the topic carried for the given subjects: creation events per subject, and event ids seen more than once. */
    record Events(Map<String, Integer> createdPerSubject, int doubled, Set<String> seen, long lastSeenNanos) {

        int missing(List<String> subjects) {
            return (int) subjects.stream().filter(s -> !createdPerSubject.containsKey(s)).count();
        }

        double lastSeenAfter(long since) {
            return lastSeenNanos == 0 ? Double.NaN : Math.max(0, (lastSeenNanos - since) / 1e9);
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(p);
    }

    /** Where the topic ends now (the next case reads from here). */
    private Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : c.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
            return new HashMap<>(c.endOffsets(partitions, Duration.ofSeconds(30)));
        }
    }

    /**
     * Reads the topic from {@code from} until every subject's creation event arrived (or {@code max} passed),
     * then three seconds more, so that a second copy sent late is counted too.
     */
    private Events readEvents(String topic, Map<TopicPartition, Long> from, List<String> subjects, String createdType,
                              Duration max) {
        Map<String, Integer> created = new HashMap<>();
        Map<String, Integer> byEventId = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        Set<String> wanted = new LinkedHashSet<>(subjects);
        long lastSeen = 0;
        try (KafkaConsumer<String, String> c = consumer()) {
            c.assign(from.keySet());
            from.forEach(c::seek);
            long deadline = System.nanoTime() + max.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, String> record : c.poll(Duration.ofMillis(500))) {
                    JsonNode event = Json.read(record.value());
                    String subject = event.path("subject").asString();
                    if (!wanted.contains(subject)) {
                        continue;
                    }
                    seen.add(subject);
                    byEventId.merge(event.path("id").asString(), 1, Integer::sum);
                    if (event.path("type").asString().contains(createdType)) {
                        created.merge(subject, 1, Integer::sum);
                        lastSeen = System.nanoTime();
                    }
                }
                if (settleUntil == Long.MAX_VALUE && created.keySet().containsAll(wanted)) {
                    settleUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        int doubled = byEventId.values().stream().mapToInt(n -> n - 1).sum();
        return new Events(created, doubled, seen, lastSeen);
    }

    /** The emails of a case at the SMTP server: one per (recipient, subject) expected. */
    record Inbox(int distinct, int doubled, boolean duplicatesShareMessageId, Instant last) {

        double lastAfter(long sinceNanos) {
            if (last == null) {
                return Double.NaN;
            }
            Instant since = Instant.now().minusNanos(System.nanoTime() - sinceNanos);
            return Math.max(0, Duration.between(since, last).toMillis() / 1000.0);
        }
    }

    private Inbox awaitInbox(String marker, int expected, Duration max) {
        List<Mail.Message> got = mail.await(marker, expected, max);
        Bench.sleep(Duration.ofSeconds(5)); // a late second copy still counts
        got = mail.matching(marker);
        Map<String, Set<String>> messageIds = new HashMap<>();
        Map<String, Integer> copies = new HashMap<>();
        Instant last = null;
        for (Mail.Message m : got) {
            for (String to : m.to()) {
                String key = to + " | " + m.subject();
                copies.merge(key, 1, Integer::sum);
                messageIds.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(m.messageId());
            }
            if (last == null || m.receivedAt().isAfter(last)) {
                last = m.receivedAt();
            }
        }
        int doubled = copies.values().stream().mapToInt(n -> n - 1).sum();
        boolean sameId = messageIds.values().stream().allMatch(ids -> ids.size() == 1);
        return new Inbox(copies.size(), doubled, sameId, last);
    }

    // ------------------------------------------------------------------ the record

    private void write(List<Result> results) throws IOException {
        Path out = Path.of(args.getOrDefault("out", "bench/results"));
        Files.createDirectories(out);
        StringBuilder md = new StringBuilder("# Fault suite (`./waypoint faults`), " + Instant.now().toString().substring(0, 16)
                + "Z\n\n| case | fault | expected | lost | doubled (bound) | seconds | result |\n| --- | --- | ---: | ---: | ---: | ---: | --- |\n");
        List<Map<String, Object>> json = new ArrayList<>();
        for (Result r : results) {
            md.append("| ").append(r.name()).append(" | ").append(r.fault()).append(" | ").append(r.expected()).append(" | ")
                    .append(r.lost()).append(" | ").append(r.doubled()).append(" (").append(r.bound()).append(") | ")
                    .append(String.format("%.0f", r.seconds())).append(" | ").append(r.passed() ? "passed" : "FAILED").append(" |\n");
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("case", r.name());
            m.put("fault", r.fault());
            m.put("expected", r.expected());
            m.put("lost", r.lost());
            m.put("doubled", r.doubled());
            m.put("doubledBound", r.doubledBound() == Integer.MAX_VALUE ? null : r.doubledBound());
            m.put("seconds", Report.round(r.seconds(), 1));
            m.put("notes", r.notes());
            m.put("failures", r.failures());
            m.put("passed", r.passed());
            json.add(m);
        }
        md.append('\n');
        for (Result r : results) {
            md.append("- **").append(r.name()).append("**: ").append(String.join("; ", r.notes())).append('\n');
        }
        Files.writeString(out.resolve("faults-latest.md"), md.toString());
        Files.writeString(out.resolve("faults-latest.json"), Json.write(json));
        System.out.println("written: " + out.resolve("faults-latest.md"));
    }
}
