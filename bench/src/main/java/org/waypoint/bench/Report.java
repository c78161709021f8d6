package org.waypoint.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results as JSON (for comparing runs) and as Markdown tables (printed, and kept as
 * {@code latest.md}), with every figure next to the ceiling it is a fraction of, and the issues'
 * goals said to be met or missed, and by how much.
 */
final class Report {

    static final double SUMMARY_GOAL_MS = 50;
    static final double OVERHEAD_GOAL_MS = 2;
    static final double INBOX_GOAL_MS = 1000;

    private final Map<String, Object> results;

    Report(Map<String, Object> results) {
        this.results = results;
    }

    static Double round(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return null;
        }
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }

    void write(Path dir) {
        results.put("goals", goals());
        String json = Json.write(results);
        String md = markdown();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Bench.writeQuietly(dir.resolve("latest.json"), json);
        Bench.writeQuietly(dir.resolve("latest.md"), md);
        Bench.writeQuietly(dir.resolve("runs").resolve(stamp + "-" + str("run.size") + ".json"), json);
        System.out.println("results: " + dir.resolve("latest.json") + ", " + dir.resolve("latest.md"));
    }

    // ------------------------------------------------------------------ access

    Object at(String path) {
        Object o = results;
        for (String part : path.split("\\.")) {
            if (!(o instanceof Map<?, ?> m)) {
                return null;
            }
            o = m.get(part);
        }
        return o;
    }

    double num(String path) {
        return at(path) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    String str(String path) {
        Object o = at(path);
        return o == null ? "" : o.toString();
    }

    static String f(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return String.format(Locale.UK, "%,." + decimals + "f", v);
    }

    static String pct(double part, double whole) {
        if (Double.isNaN(part) || Double.isNaN(whole) || whole == 0) {
            return "n/a";
        }
        double p = 100 * part / whole;
        return p < 1 ? String.format(Locale.UK, "%.2f%%", p) : String.format(Locale.UK, "%.0f%%", p);
    }

    // ------------------------------------------------------------------ goals

    /** A goal, what was measured, and the verdict. */
    record Goal(String goal, double measured, double limit, String detail) {
        boolean known() {
            return !Double.isNaN(measured);
        }

        boolean met() {
            return known() && measured <= limit;
        }

        String verdict() {
            if (!known()) {
                return "not measured";
            }
            if (met()) {
                return "met";
            }
            return "MISSED by " + f(measured - limit, measured - limit >= 100 ? 0 : 1) + " ms (" + f(measured / limit, 1) + "x the goal)";
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("goal", goal);
            m.put("measuredMs", round(measured, 2));
            m.put("limitMs", limit);
            m.put("met", known() ? met() : null);
            m.put("verdict", verdict());
            m.put("detail", detail);
            return m;
        }
    }

    List<Goal> goalList() {
        List<Goal> goals = new ArrayList<>();
        goals.add(new Goal("committee summary under 50 ms (p95 through the gateway, " + str("size.indicators") + " indicators x "
                + str("size.periodsPerIndicator") + " periods)", num("gets.committeeSummary.gateway.p95Ms"), SUMMARY_GOAL_MS,
                "p50 " + f(num("gets.committeeSummary.gateway.p50Ms"), 1) + " ms through the gateway, p95 "
                        + f(num("gets.committeeSummary.direct.p95Ms"), 1) + " ms direct"));
        List<Double> overheads = new ArrayList<>();
        StringBuilder each = new StringBuilder();
        for (String g : List.of("actionList", "scorecard", "committeeSummary", "heatMap")) {
            double o = num("gets." + g + ".gatewayOverheadP50Ms");
            if (!Double.isNaN(o)) {
                overheads.add(o);
                each.append(each.isEmpty() ? "" : ", ").append(g).append(' ').append(f(o, 1));
            }
        }
        overheads.sort(Double::compare);
        int n = overheads.size();
        double median = n == 0 ? Double.NaN : n % 2 == 1 ? overheads.get(n / 2) : (overheads.get(n / 2 - 1) + overheads.get(n / 2)) / 2;
        List<Double> unloaded = new ArrayList<>();
        for (String g : List.of("actionList", "scorecard", "committeeSummary", "heatMap")) {
            double o = num("gets." + g + ".unloadedGatewayOverheadP50Ms");
            if (!Double.isNaN(o)) {
                unloaded.add(o);
            }
        }
        unloaded.sort(Double::compare);
        int u = unloaded.size();
        double unloadedMedian = u == 0 ? Double.NaN : u % 2 == 1 ? unloaded.get(u / 2) : (unloaded.get(u / 2 - 1) + unloaded.get(u / 2)) / 2;
        goals.add(new Goal("gateway overhead under 2 ms (p50 through the gateway minus p50 direct, paired requests at concurrency "
                + str("gets.concurrency") + "; median of the four GETs)",
                median, OVERHEAD_GOAL_MS, (each.isEmpty() ? "" : "per GET: " + each + " ms")
                + (u == 0 ? "" : "; one request at a time (no queueing for the cores) the median overhead is " + f(unloadedMedian, 1) + " ms")));
        goals.add(new Goal("event to inbox under 1 s (p95, change saved to email accepted by SMTP, at "
                + str("size.inboxRatePerSecond") + " changes/s)", num("changeToInbox.savedToEmail.p95Ms"), INBOX_GOAL_MS,
                "p50 " + f(num("changeToInbox.savedToEmail.p50Ms"), 0) + " ms; saved to Kafka p95 "
                        + f(num("changeToInbox.savedToKafka.p95Ms"), 0) + " ms, Kafka to SMTP p95 "
                        + f(num("changeToInbox.kafkaToEmail.p95Ms"), 0) + " ms"));
        return goals;
    }

    List<Map<String, Object>> goals() {
        return goalList().stream().map(Goal::toMap).toList();
    }

    // ------------------------------------------------------------------ Markdown

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Waypoint benchmark: ").append(str("run.startedAt")).append(" (size ").append(str("run.size")).append(")\n\n");
        md.append("Machine: ").append(str("run.cpu")).append(", ").append(str("run.cores")).append(" cores, ")
                .append(str("run.memoryGb")).append(" GB; ").append(str("run.os")).append("; ").append(str("run.java"))
                .append(". Load average at start ").append(str("run.loadAverageAtStart")).append(", at end ")
                .append(str("run.loadAverageAtEnd")).append("; other Java processes on the machine at start: ")
                .append(str("run.otherJavaProcessesAtStart")).append(". Applications' JVM options: `").append(str("run.appJavaOpts"))
                .append("`. Whole run ").append(str("run.seconds")).append(" s (platform ")
                .append(Boolean.TRUE.equals(at("run.platformStartedByThisRun")) ? "started by this run" : "reused").append(").\n\n");

        md.append("## Goals\n\n| goal | measured | verdict |\n| --- | ---: | --- |\n");
        for (Goal g : goalList()) {
            md.append("| ").append(g.goal()).append(" | ").append(f(g.measured(), 1)).append(" ms | ").append(g.verdict())
                    .append(g.detail().isEmpty() ? "" : "; " + g.detail()).append(" |\n");
        }

        md.append("\n## Portal GETs: through the gateway and straight to the service\n\n");
        md.append("Concurrency ").append(str("gets.concurrency")).append(" (closed loop) from a separate JVM; up to ")
                .append(str("size.requestsPerTarget")).append(" requests per target within ").append(str("size.secondsPerTarget"))
                .append(" s per GET, after 10 warm-up requests each; requests alternate direct / gateway on the same threads, so both ")
                .append("see the same machine load. req/s is the closed-loop rate each would reach alone (concurrency / mean latency). As ")
                .append(str("gets.user")).append(". Ceiling: the static endpoint, same load generator and concurrency.\n\n");
        md.append("| GET | via | p50 ms | p95 ms | p99 ms | req/s | errors | req/s of the ceiling | gateway overhead p50 / p95 ms |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        double ceiling = num("ceilings.staticHttp.perSecond");
        for (String g : List.of("actionList", "scorecard", "committeeSummary", "heatMap")) {
            if (at("gets." + g) == null) {
                continue;
            }
            for (String via : List.of("direct", "gateway")) {
                String p = "gets." + g + "." + via;
                md.append("| ").append(via.equals("direct") ? g + ": " + str("gets." + g + ".what") : "").append(" | ").append(via)
                        .append(" | ").append(f(num(p + ".p50Ms"), 1)).append(" | ").append(f(num(p + ".p95Ms"), 1))
                        .append(" | ").append(f(num(p + ".p99Ms"), 1)).append(" | ").append(f(num(p + ".perSecond"), 0))
                        .append(" | ").append(str(p + ".errors")).append(" | ").append(pct(num(p + ".perSecond"), ceiling))
                        .append(" | ").append(via.equals("gateway") ? f(num("gets." + g + ".gatewayOverheadP50Ms"), 1) + " / "
                                + f(num("gets." + g + ".gatewayOverheadP95Ms"), 1) : "").append(" |\n");
            }
        }
        md.append("| static endpoint (ceiling) | direct | ").append(f(num("ceilings.staticHttp.p50Ms"), 2)).append(" | ")
                .append(f(num("ceilings.staticHttp.p95Ms"), 2)).append(" | ").append(f(num("ceilings.staticHttp.p99Ms"), 2))
                .append(" | ").append(f(ceiling, 0)).append(" | ").append(str("ceilings.staticHttp.errors")).append(" | 100% | |\n");
        if (at("gets.heatMap.unloadedGatewayOverheadP50Ms") != null) {
            md.append("\nThe same pairs one request at a time (concurrency 1, nothing queueing for the two cores), p50 direct / gateway")
                    .append(" / overhead: ");
            StringBuilder each = new StringBuilder();
            for (String g : List.of("actionList", "scorecard", "committeeSummary", "heatMap")) {
                each.append(each.isEmpty() ? "" : "; ").append(g).append(' ').append(f(num("gets." + g + ".unloadedDirect.p50Ms"), 1))
                        .append(" / ").append(f(num("gets." + g + ".unloadedGateway.p50Ms"), 1)).append(" / ")
                        .append(f(num("gets." + g + ".unloadedGatewayOverheadP50Ms"), 1)).append(" ms");
            }
            md.append(each).append(".\n");
        }

        md.append("\n## Alerts\n\n| figure | measured | ceiling in the same run | ratio |\n| --- | ---: | ---: | ---: |\n");
        double syncP50 = num("ceilings.kafka.produceOneAtATime.p50Ms");
        md.append("| change saved -> email accepted by SMTP, p50 / p95 / max (").append(str("changeToInbox.saved"))
                .append(" red measurements at ").append(str("changeToInbox.ratePerSecond")).append("/s, ")
                .append(str("changeToInbox.emailsReceived")).append(" of ").append(str("changeToInbox.emailsExpected"))
                .append(" emails) | ").append(f(num("changeToInbox.savedToEmail.p50Ms"), 0)).append(" / ")
                .append(f(num("changeToInbox.savedToEmail.p95Ms"), 0)).append(" / ").append(f(num("changeToInbox.savedToEmail.maxMs"), 0))
                .append(" ms | Kafka acknowledged send p50 ").append(f(syncP50, 1)).append(" ms | ")
                .append(ratio(num("changeToInbox.savedToEmail.p50Ms"), syncP50)).append(" |\n");
        md.append("| of which saved -> event on Kafka (outbox relay), p50 / p95 | ").append(f(num("changeToInbox.savedToKafka.p50Ms"), 0))
                .append(" / ").append(f(num("changeToInbox.savedToKafka.p95Ms"), 0)).append(" ms | | |\n");
        md.append("| of which event on Kafka -> email accepted, p50 / p95 | ").append(f(num("changeToInbox.kafkaToEmail.p50Ms"), 0))
                .append(" / ").append(f(num("changeToInbox.kafkaToEmail.p95Ms"), 0)).append(" ms | | |\n");
        md.append("| the save itself (POST measurement answered), p50 / p95 | ").append(f(num("changeToInbox.saveRequest.p50Ms"), 1))
                .append(" / ").append(f(num("changeToInbox.saveRequest.p95Ms"), 1)).append(" ms | | |\n");
        double pipe = num("pipeline.pipelineEventsPerSecond");
        double raw = num("pipeline.rawConsumerEventsPerSecond");
        md.append("| notification pipeline on a backlog of ").append(str("pipeline.events")).append(" overdue events (")
                .append(str("pipeline.emailsReceived")).append(" of ").append(str("pipeline.emailsExpected"))
                .append(" emails) | ").append(f(pipe, 1)).append(" events/s (").append(f(num("pipeline.pipelineEmailsPerSecond"), 1))
                .append(" emails/s) | raw consumer on the same topic (").append(f(num("pipeline.rawConsumerEvents"), 0))
                .append(" events from its beginning): ").append(f(raw, 0)).append(" events/s | ")
                .append(pct(pipe, raw)).append(" |\n");

        md.append("\n## Overdue scan (POST /api/actions/overdue-check, straight to plan-service)\n\n");
        md.append("| actions stored | quiet scan, median of 5 | examined | after ").append(str("size.scanChangedActions"))
                .append(" actions became overdue | examined / announced | ms per examined action |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String s : List.of("small", "large")) {
            String p = "overdueScan." + s;
            if (at(p) == null) {
                continue;
            }
            md.append("| ").append(f(num(p + ".actions"), 0)).append(" | ").append(f(num(p + ".quietMedianMs"), 1)).append(" ms | ")
                    .append(quietExamined(p)).append(" | ").append(f(num(p + ".afterChange.ms"), 1)).append(" ms | ")
                    .append(str(p + ".afterChange.examined")).append(" / ").append(str(p + ".afterChange.announced")).append(" | ")
                    .append(f(num(p + ".msPerExaminedAction"), 2)).append(" |\n");
        }
        md.append("\n").append(scanVerdict()).append("\n");

        md.append("\n## Loading through the APIs\n\n| data | items | requests | errors | seconds | items/s | of raw MongoDB single inserts |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        double mongoInsert = num("ceilings.mongo.insertOneAtATime.perSecond");
        for (String k : List.of("plans", "actions", "indicators", "measurements", "risks", "budgetLines")) {
            String p = "load." + k;
            if (at(p) == null) {
                continue;
            }
            md.append("| ").append(k).append(" | ").append(f(num(p + ".items"), 0)).append(" | ").append(f(num(p + ".requests"), 0))
                    .append(" | ").append(f(num(p + ".errors"), 0)).append(" | ").append(f(num(p + ".seconds"), 1)).append(" | ")
                    .append(f(num(p + ".perSecond"), 0)).append(" | ").append(pct(num(p + ".perSecond"), mongoInsert)).append(" |\n");
        }
        for (String g : List.of("growthToFirst", "growth")) {
            String p = "overdueScan." + g;
            if (at(p) == null) {
                continue;
            }
            md.append("| actions (growth to ").append(f(num(p + ".to"), 0)).append(") | ")
                    .append(f(num(p + ".to") - num(p + ".from"), 0)).append(" | ")
                    .append(f(num(p + ".requests"), 0)).append(" | | ").append(f(num(p + ".seconds"), 1))
                    .append(" | ").append(f(num(p + ".actionsPerSecond"), 0)).append(" | ")
                    .append(pct(num(p + ".actionsPerSecond"), mongoInsert)).append(" |\n");
        }
        if (at("load.skipped") != null) {
            md.append("\nLoading skipped: ").append(str("load.skipped")).append(".\n");
        } else {
            md.append("\nThe four services load side by side (straight to each service); the platform then took ")
                    .append(f(num("load.settle.seconds"), 0)).append(" s more to publish and consume the events the load caused (")
                    .append(Boolean.TRUE.equals(at("load.settle.settled")) ? "settled" : "NOT settled within the limit").append(").\n");
        }

        md.append("\n## The machine's ceilings (same run, same servers)\n\n| what | figure |\n| --- | ---: |\n");
        md.append("| Kafka produce, batched (acks=all, ~1 KB) | ").append(f(num("ceilings.kafka.produceBatched.perSecond"), 0)).append(" msg/s |\n");
        md.append("| Kafka produce, one acknowledged send at a time (as the outbox relay sends) | ")
                .append(f(num("ceilings.kafka.produceOneAtATime.perSecond"), 0)).append(" msg/s, p50 ").append(f(syncP50, 2)).append(" ms |\n");
        md.append("| Kafka consume | ").append(f(num("ceilings.kafka.consume.perSecond"), 0)).append(" msg/s |\n");
        md.append("| MongoDB wire: insert one at a time (action-sized document) | ").append(f(mongoInsert, 0)).append(" docs/s, p50 ")
                .append(f(num("ceilings.mongo.insertOneAtATime.p50Ms"), 2)).append(" ms |\n");
        md.append("| MongoDB wire: insertMany, batches of 500 | ").append(f(num("ceilings.mongo.insertManyBatches.perSecond"), 0)).append(" docs/s |\n");
        md.append("| MongoDB wire: find by _id one at a time | ").append(f(num("ceilings.mongo.findByIdOneAtATime.perSecond"), 0))
                .append(" finds/s, p50 ").append(f(num("ceilings.mongo.findByIdOneAtATime.p50Ms"), 2)).append(" ms |\n");
        md.append("| MongoDB wire: range query on an unindexed field over ").append(f(num("ceilings.mongo.rangeQueryOnUnindexedField.documentsInCollection"), 0))
                .append(" documents | ").append(f(num("ceilings.mongo.rangeQueryOnUnindexedField.ms"), 1)).append(" ms |\n");
        md.append("| static HTTP endpoint (JDK HttpServer, separate process), concurrency ").append(str("gets.concurrency")).append(" | ")
                .append(f(ceiling, 0)).append(" req/s, p50 ").append(f(num("ceilings.staticHttp.p50Ms"), 2)).append(" ms |\n");

        md.append("\n## Start-up and memory\n\n");
        md.append("All six applications start together (as `./waypoint up` starts them) on the same cores, so start-up times include waiting for each other.\n\n");
        md.append("| part | started in (its own log) | ready after (up's wall clock) | RSS before loading | RSS at end | peak RSS |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (String name : concat(Processes.APPS, Processes.INFRA)) {
            md.append("| ").append(name).append(" | ").append(unit(num("startup." + name + ".startedInSeconds"), 1, " s")).append(" | ")
                    .append(unit(num("startup." + name + ".readyAfterSecondsWallClock"), 0, " s")).append(" | ")
                    .append(unit(num("memoryBeforeLoad." + name + ".rssMb"), 0, " MB")).append(" | ")
                    .append(unit(num("memoryAtEnd." + name + ".rssMb"), 0, " MB")).append(" | ")
                    .append(unit(num("memoryAtEnd." + name + ".peakRssMb"), 0, " MB")).append(" |\n");
        }
        List<String> failed = new ArrayList<>();
        for (String phase : List.of("load", "ceilings", "gets", "changeToInbox", "pipeline", "overdueScan")) {
            if (at(phase + ".failed") != null) {
                failed.add(phase + ": " + str(phase + ".failed"));
            } else if (at(phase + ".skipped") != null && !phase.equals("load")) {
                failed.add(phase + ": skipped, " + str(phase + ".skipped"));
            }
        }
        if (!failed.isEmpty()) {
            md.append("\n## Not measured\n\n");
            failed.forEach(f -> md.append("- ").append(f).append('\n'));
        }
        return md.toString();
    }

    private String quietExamined(String p) {
        Object q = at(p + ".quiet");
        if (!(q instanceof List<?> list) || list.isEmpty()) {
            return "n/a";
        }
        int max = 0;
        for (Object o : list) {
            if (o instanceof Map<?, ?> m && m.get("examined") instanceof Number n) {
                max = Math.max(max, n.intValue());
            }
        }
        return max == 0 ? "0" : "up to " + max;
    }

    private String scanVerdict() {
        double n1 = num("overdueScan.small.actions");
        double n2 = num("overdueScan.large.actions");
        double q1 = num("overdueScan.small.quietMedianMs");
        double q2 = num("overdueScan.large.quietMedianMs");
        if (Double.isNaN(n2) || Double.isNaN(q2)) {
            return "";
        }
        double volume = n2 / n1;
        double cost = q2 / q1;
        String verdict = cost < 1 + (volume - 1) * 0.1
                ? "the quiet scan's cost stays roughly flat as the volume grows"
                : "the quiet scan's cost grows with the volume: it does NOT only follow what changed";
        String examined = quietExamined("overdueScan.small").equals("0") && quietExamined("overdueScan.large").equals("0")
                ? " Quiet scans examined nothing."
                : " Quiet scans still examined actions although nothing had changed (" + quietExamined("overdueScan.small") + " at the first volume, "
                + quietExamined("overdueScan.large") + " at the second): actions whose next review date a scan does not move past today"
                + " are read and saved again by every scan.";
        return String.format(Locale.UK, "Volume x%.1f (%,.0f -> %,.0f actions); quiet scan x%.1f (%.1f -> %.1f ms): %s.%s",
                volume, n1, n2, cost, q1, q2, verdict, examined);
    }

    private static String unit(double v, int decimals, String unit) {
        return Double.isNaN(v) ? "n/a" : f(v, decimals) + unit;
    }

    private static String ratio(double measured, double ceiling) {
        if (Double.isNaN(measured) || Double.isNaN(ceiling) || ceiling == 0) {
            return "n/a";
        }
        return String.format(Locale.UK, "%,.0fx", measured / ceiling);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
