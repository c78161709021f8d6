package org.waypoint.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

/**
 * Loads the volume through the services' own APIs: plans by POST, actions by CSV import (plan by
 * plan), indicator definitions and measurements by CSV import, risk registers by POST and their
 * risks by CSV import, budget lines by POST (there is no bulk path for them). Straight to each
 * service (the gateway's route timeout is not meant for bulk imports).
 */
final class Loader {

    static final String[] AREAS = {"Children and Justice", "Adult and Older People"};
    static final String[] THEMES = {"customers", "process", "outcome", "people", "finance"};
    static final String ORGANISATION = "Bench Council";
    /** Budget lines must name an organisation and division budget-service knows (budget-service.yml). */
    static final String BUDGET_ORGANISATION = "South Lanarkshire Council";
    static final String[] BUDGET_DIVISIONS = {"Adult and Older People", "Children and Families", "Justice and Substance Misuse",
            "Performance and Support Services"};
    static final int ROWS_PER_FILE = 4000;
    private static final Duration LONG = Duration.ofMinutes(10);

    enum Due { MIXED, FUTURE, OVERDUE }

    private final Bench.Ports ports;
    private final Tokens tokens;
    private final LocalDate today = LocalDate.now();

    Loader(Bench.Ports ports, Tokens tokens) {
        this.ports = ports;
        this.tokens = tokens;
    }

    /** What one kind of data took to load. */
    record Loaded(String what, int items, int requests, int errors, double seconds) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("items", items);
            m.put("requests", requests);
            m.put("errors", errors);
            m.put("seconds", Report.round(seconds, 1));
            m.put("perSecond", Report.round(seconds > 0 ? items / seconds : Double.NaN, 1));
            return m;
        }
    }

    /** Everything of a size, the four services loading side by side. */
    Map<String, Loaded> loadAll(Bench.Size size) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<Loaded[]> plans = pool.submit(() -> plansAndActions(size));
            Future<Loaded[]> indicators = pool.submit(() -> indicators(size));
            Future<Loaded> risks = pool.submit(() -> risks(size));
            Future<Loaded> budgets = pool.submit(() -> budgetLines(size));
            Map<String, Loaded> out = new LinkedHashMap<>();
            Loaded[] p = plans.get();
            out.put("plans", p[0]);
            out.put("actions", p[1]);
            Loaded[] i = indicators.get();
            out.put("indicators", i[0]);
            out.put("measurements", i[1]);
            out.put("risks", risks.get());
            out.put("budgetLines", budgets.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    // ------------------------------------------------------------------ plans and actions

    static String planId(int i) {
        return String.format("bench-p%03d", i);
    }

    boolean alreadyLoaded() {
        return Http.get(ports.plan() + "/api/plans/" + planId(1), tokens.of("priya.officer"), Duration.ofSeconds(30)).ok();
    }

    Loaded[] plansAndActions(Bench.Size size) {
        long start = System.nanoTime();
        int errors = 0;
        for (int p = 1; p <= size.plans(); p++) {
            if (!createPlan(planId(p), "Bench service improvement plan " + p, AREAS[p % 2])) {
                errors++;
            }
        }
        Loaded plans = new Loaded("plans", size.plans() - errors, size.plans(), errors, (System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        int perPlan = size.actions() / size.plans();
        int stored = 0;
        int requests = 0;
        errors = 0;
        Random random = new Random(7);
        for (int p = 1; p <= size.plans(); p++) {
            int done = 0;
            while (done < perPlan) {
                int n = Math.min(ROWS_PER_FILE, perPlan - done);
                int ok = importActions(planId(p), AREAS[p % 2], "A" + p + "-", done, n, Due.MIXED, random);
                requests++;
                if (ok < 0) {
                    errors++;
                } else {
                    stored += ok;
                }
                done += n;
            }
        }
        return new Loaded[] {plans, new Loaded("actions", stored, requests, errors, (System.nanoTime() - start) / 1e9)};
    }

    boolean createPlan(String id, String title, String area) {
        String json = "{\"id\":" + Json.str(id) + ",\"title\":" + Json.str(title) + ",\"organisation\":" + Json.str(ORGANISATION)
                + ",\"serviceArea\":" + Json.str(area) + ",\"period\":\"2025/26-2027/28\",\"priorities\":["
                + "{\"id\":\"P1\",\"title\":\"Keeping people safe\"},{\"id\":\"P2\",\"title\":\"Early help and prevention\"},"
                + "{\"id\":\"P3\",\"title\":\"A skilled and supported workforce\"}]}";
        Http.Response r = Http.postJson(ports.plan() + "/api/plans", tokens.of("priya.officer"), json, Duration.ofSeconds(60));
        if (!r.ok() && r.status() != 409) {
            System.out.println("    ! plan " + id + ": HTTP " + r.status() + " " + Bench.clip(r.body()));
            return false;
        }
        return true;
    }

    /** Imports {@code n} actions into a plan in one file; returns how many were stored, or -1. */
    int importActions(String planId, String area, String refPrefix, int from, int n, Due due, Random random) {
        StringBuilder csv = new StringBuilder("Reference,Title,Priority,Due,Start,Lead,Progress,Service area,Description\n");
        for (int i = from; i < from + n; i++) {
            LocalDate dueDate = switch (due) {
                case OVERDUE -> today.minusDays(1 + random.nextInt(300));
                case FUTURE -> today.plusDays(90 + random.nextInt(900));
                case MIXED -> {
                    int roll = random.nextInt(100);
                    yield roll < 8 ? today.minusDays(1 + random.nextInt(400))
                            : roll < 15 ? today.plusDays(1 + random.nextInt(28))
                            : today.plusDays(29 + random.nextInt(1100));
                }
            };
            LocalDate startDate = dueDate.minusDays(180 + random.nextInt(540));
            csv.append(refPrefix).append(i + 1).append(',')
                    .append("Bench action ").append(refPrefix).append(i + 1).append(": improve the timeliness of reviews,")
                    .append("P").append(1 + random.nextInt(3)).append(',')
                    .append(dueDate).append(',').append(startDate).append(',')
                    .append("Head of Service,")
                    .append(5 * random.nextInt(20)).append("%,")
                    .append(area).append(',')
                    .append("\"Generated by the benchmark: a description about as long as a council writes, with a comma.\"\n");
        }
        Http.Response r = Http.upload(ports.plan() + "/api/actions/import?planId=" + Http.q(planId), tokens.of("priya.officer"),
                "actions.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8), LONG);
        if (!r.ok()) {
            System.out.println("    ! action import into " + planId + ": HTTP " + r.status() + " " + Bench.clip(r.body()));
            return -1;
        }
        return Json.read(r.body()).path("accepted").asInt();
    }

    // ------------------------------------------------------------------ indicators

    static String indicatorCode(int i) {
        return String.format("BI-%05d", i);
    }

    /** The months measured: the twelve before the current one, oldest first. */
    List<YearMonth> months(int periods) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth last = YearMonth.from(today).minusMonths(1);
        for (int m = periods - 1; m >= 0; m--) {
            months.add(last.minusMonths(m));
        }
        return months;
    }

    static String targets(YearMonth from, YearMonth to) {
        int first = from.getMonthValue() >= 4 ? from.getYear() : from.getYear() - 1;
        int lastYear = to.getMonthValue() >= 4 ? to.getYear() : to.getYear() - 1;
        StringBuilder t = new StringBuilder();
        for (int y = first; y <= lastYear + 1; y++) {
            t.append(t.isEmpty() ? "" : "; ").append(y).append('/').append(String.format("%02d", (y + 1) % 100)).append("=90%");
        }
        return t.toString();
    }

    Loaded[] indicators(Bench.Size size) {
        long start = System.nanoTime();
        List<YearMonth> months = months(size.periods());
        String targets = targets(months.get(0), months.get(months.size() - 1));
        int defined = 0;
        int requests = 0;
        int errors = 0;
        for (int from = 0; from < size.indicators(); from += ROWS_PER_FILE) {
            int n = Math.min(ROWS_PER_FILE, size.indicators() - from);
            StringBuilder csv = new StringBuilder("code,name,unit,polarity,frequency,targets,ownerName,serviceArea,theme\n");
            for (int i = from; i < from + n; i++) {
                csv.append(indicatorCode(i + 1)).append(",Bench indicator ").append(i + 1)
                        .append(": percentage of reviews on time,percentage,")
                        .append(i % 10 == 0 ? "monitor only" : "higher is better").append(",monthly,\"").append(targets)
                        .append("\",Bench Owner,").append(AREAS[i % 2]).append(',').append(THEMES[i % 5]).append('\n');
            }
            int ok = importCsv(ports.indicator() + "/api/indicators/import", csv.toString(), "indicator definitions");
            requests++;
            if (ok < 0) {
                errors++;
            } else {
                defined += ok;
            }
        }
        Loaded definitions = new Loaded("indicators", defined, requests, errors, (System.nanoTime() - start) / 1e9);

        start = System.nanoTime();
        // Two streams side by side, each over half the indicators, month by month (older periods first).
        int streams = 2;
        List<Callable<int[]>> jobs = new ArrayList<>();
        for (int st = 0; st < streams; st++) {
            int from = st * size.indicators() / streams;
            int to = (st + 1) * size.indicators() / streams;
            Random random = new Random(11 + st);
            jobs.add(() -> measurements(from, to, months, random));
        }
        int recorded = 0;
        requests = 0;
        errors = 0;
        ExecutorService pool = Executors.newFixedThreadPool(streams);
        try {
            for (Future<int[]> f : pool.invokeAll(jobs)) {
                int[] r = f.get();
                recorded += r[0];
                requests += r[1];
                errors += r[2];
            }
        } catch (Exception e) {
            throw new IllegalStateException("measurements: " + e, e);
        } finally {
            pool.shutdownNow();
        }
        return new Loaded[] {definitions,
                new Loaded("measurements", recorded, requests, errors, (System.nanoTime() - start) / 1e9)};
    }

    /** Measurements of indicators [from, to) for every month, in files of up to 4,000 rows: {recorded, requests, errors}. */
    private int[] measurements(int from, int to, List<YearMonth> months, Random random) {
        int[] out = new int[3];
        StringBuilder csv = null;
        int rows = 0;
        int per = to - from;
        int total = per * months.size();
        for (int k = 0; k < total; k++) {
            int m = k / per;
            int i = from + k % per;
            if (csv == null) {
                csv = new StringBuilder("code,period,value,commentary\n");
                rows = 0;
            }
            int value = 75 + random.nextInt(26);
            csv.append(indicatorCode(i + 1)).append(',').append(months.get(m)).append(',').append(value).append("%,")
                    .append(value < 85 ? "Remedial action agreed at the service management team" : "").append('\n');
            rows++;
            if (rows == ROWS_PER_FILE || k == total - 1) {
                int ok = importCsv(ports.indicator() + "/api/measurements/import", csv.toString(), "measurements");
                out[1]++;
                if (ok < 0) {
                    out[2]++;
                } else {
                    out[0] += ok;
                }
                csv = null;
            }
        }
        return out;
    }

    /** Posts a CSV import to indicator-service; returns the rows created or updated, or -1. */
    int importCsv(String url, String csv, String what) {
        Http.Response r = Http.send("POST", url, tokens.of("priya.officer"), "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), LONG);
        if (!r.ok()) {
            System.out.println("    ! " + what + " import: HTTP " + r.status() + " " + Bench.clip(r.body()));
            return -1;
        }
        JsonNode report = Json.read(r.body());
        int rejected = report.path("rejected").asInt();
        if (rejected > 0) {
            JsonNode first = null;
            for (JsonNode row : report.path("rows")) {
                if ("REJECTED".equals(row.path("outcome").asString())) {
                    first = row;
                    break;
                }
            }
            System.out.println("    ! " + what + " import: " + rejected + " row(s) rejected, e.g. " + Bench.clip(String.valueOf(first)));
        }
        return report.path("created").asInt() + report.path("updated").asInt();
    }

    // ------------------------------------------------------------------ risks

    Loaded risks(Bench.Size size) {
        long start = System.nanoTime();
        Random random = new Random(13);
        String[] categories = {"Public protection", "Financial", "Workforce", "Service delivery", "Reputational"};
        int perRegister = size.risks() / size.registers();
        int created = 0;
        int requests = 0;
        int errors = 0;
        for (int g = 1; g <= size.registers(); g++) {
            String area = AREAS[g % 2];
            Http.Response r = Http.postJson(ports.risk() + "/api/risk-registers", tokens.of("priya.officer"),
                    "{\"name\":\"Bench risk register " + g + "\",\"organisation\":" + Json.str(ORGANISATION)
                            + ",\"serviceArea\":" + Json.str(area) + "}", Duration.ofSeconds(60));
            requests++;
            if (!r.ok()) {
                System.out.println("    ! risk register: HTTP " + r.status() + " " + Bench.clip(r.body()));
                errors++;
                continue;
            }
            String register = Json.read(r.body()).path("id").asString();
            StringBuilder csv = new StringBuilder("Code,Risk Description,Likelihood,Severity,Risk Score,Risk Mitigation,Category\n");
            for (int i = 1; i <= perRegister; i++) {
                int l = 1 + random.nextInt(5);
                int s = 1 + random.nextInt(5);
                csv.append("BR-").append(g).append('-').append(i).append(",\"<p>Bench risk ").append(g).append('-').append(i)
                        .append(": failure to meet demand</p> <p>Rising demand and fewer staff.</p>\",")
                        .append(l).append(',').append(s).append(',').append(l * s)
                        .append(",\"Weekly performance meeting\nRecruitment campaign\",").append(categories[i % categories.length])
                        .append('\n');
            }
            Http.Response imported = Http.send("POST", ports.risk() + "/api/risk-registers/" + register + "/import",
                    tokens.of("priya.officer"), "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8), LONG);
            requests++;
            if (!imported.ok()) {
                System.out.println("    ! risk import: HTTP " + imported.status() + " " + Bench.clip(imported.body()));
                errors++;
                continue;
            }
            JsonNode report = Json.read(imported.body());
            created += report.path("created").asInt();
            if (report.path("rejected").asInt() > 0) {
                System.out.println("    ! risk import: " + report.path("rejected").asInt() + " rows rejected, e.g. " + Bench.clip(report.toString()));
            }
        }
        return new Loaded("risks", created, requests, errors, (System.nanoTime() - start) / 1e9);
    }

    // ------------------------------------------------------------------ budget lines

    Loaded budgetLines(Bench.Size size) throws Exception {
        long start = System.nanoTime();
        String[] categories = {"STAFF", "PROPERTY", "TRANSPORT", "SUPPLIES_AND_SERVICES", "PAYMENTS_TO_OTHER_BODIES"};
        String[] funding = {"Council core", "Scottish Government grant", "NHS partner contribution"};
        int year = today.getMonthValue() >= 4 ? today.getYear() : today.getYear() - 1;
        String fy = year + "/" + String.format("%02d", (year + 1) % 100);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Callable<Void>> jobs = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            jobs.add(() -> {
                Random random = new Random(17 + thread);
                for (int i = thread; i < size.budgetLines(); i += 3) {
                    String json = "{\"financialYear\":\"" + fy + "\",\"organisation\":" + Json.str(BUDGET_ORGANISATION)
                            + ",\"division\":" + Json.str(BUDGET_DIVISIONS[i % BUDGET_DIVISIONS.length])
                            + ",\"fundingSource\":" + Json.str(funding[i % 3])
                            + ",\"type\":\"REVENUE\",\"project\":null,\"category\":\"" + categories[i % categories.length]
                            + "\",\"description\":\"Bench budget line " + (i + 1) + "\",\"amount\":\""
                            + (10_000 + random.nextInt(2_000_000)) + ".00\",\"holder\":{\"name\":\"Bench Holder\"}}";
                    Http.Response r = Http.postJson(ports.budget() + "/api/budgets/lines", tokens.of("fiona.finance"), json,
                            Duration.ofSeconds(60));
                    if (r.ok()) {
                        created.incrementAndGet();
                    } else if (errors.incrementAndGet() <= 3) {
                        System.out.println("    ! budget line: HTTP " + r.status() + " " + Bench.clip(r.body()));
                    }
                }
                return null;
            });
        }
        try {
            for (Future<Void> f : pool.invokeAll(jobs)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Loaded("budgetLines", created.get(), size.budgetLines(), errors.get(), (System.nanoTime() - start) / 1e9);
    }
}
