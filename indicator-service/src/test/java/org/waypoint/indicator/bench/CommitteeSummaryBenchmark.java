package org.waypoint.indicator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.waypoint.indicator.Http;
import org.waypoint.indicator.IndicatorServiceApplication;
import org.waypoint.indicator.indicator.application.IndicatorQueries;
import org.waypoint.indicator.indicator.application.OrganisationSettings;
import org.waypoint.indicator.indicator.application.Scorecards;
import org.waypoint.indicator.indicator.domain.Definition;
import org.waypoint.indicator.indicator.domain.Frequency;
import org.waypoint.indicator.indicator.domain.Indicator;
import org.waypoint.indicator.indicator.domain.IndicatorId;
import org.waypoint.indicator.indicator.domain.Indicators;
import org.waypoint.indicator.indicator.domain.MeasuredValue;
import org.waypoint.indicator.indicator.domain.Owner;
import org.waypoint.indicator.indicator.domain.Period;
import org.waypoint.indicator.indicator.domain.Polarity;
import org.waypoint.indicator.indicator.domain.Target;
import org.waypoint.indicator.indicator.domain.Theme;
import org.waypoint.indicator.indicator.domain.Unit;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

/**
 * The committee summary's server time at 10,000 indicators x 12 monthly periods (goal: under 50 ms).
 * Not a test: run with {@code ./mvnw -B -pl indicator-service -Pbench verify} (results also in
 * {@code indicator-service/target/bench/committee-summary.txt}). Measures, after warm-up, the
 * summary use case in-process (the server's own time) and the whole HTTP request with a signed
 * token, against the in-process MongoDB-compatible server; and the in-memory status index's full
 * rebuild from MongoDB (done at start-up and every five minutes, off the request path).
 */
public final class CommitteeSummaryBenchmark {

    static final int INDICATORS = Integer.getInteger("bench.indicators", 10_000);
    static final int PERIODS = 12;
    static final int WARMUP = 20;
    static final int RUNS = 100;

    public static void main(String[] args) throws IOException {
        try (InMemoryMongo mongo = InMemoryMongo.start(); TestKeycloak keycloak = TestKeycloak.start();
             ConfigurableApplicationContext app = Services.start(IndicatorServiceApplication.class,
                     IndicatorServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, Map.of(
                             "spring.mongodb.uri", mongo.uri("indicators-bench"),
                             "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                             "waypoint.keycloak.url", keycloak.url(),
                             "waypoint.outbox.relay.enabled", "false",
                             "waypoint.scheduling.enabled", "false",
                             "spring.kafka.admin.auto-create", "false",
                             "logging.level.root", "WARN"))) {
            long loadStart = System.nanoTime();
            load(app);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

            Scorecards scorecards = app.getBean(Scorecards.class);
            Period reporting = Period.parse("March 2022");
            IndicatorQueries.Filter all = new IndicatorQueries.Filter(null, null, null, null, reporting, null);
            IndicatorQueries.Filter oneArea = new IndicatorQueries.Filter("Children and Justice", null, null, null, reporting, null);
            String token = keycloak.token("alex.auditor", "alex.reid@waypoint.example", "auditor");
            String url = Services.url(app) + "/api/indicators/summary?period=" + Http.query("March 2022");

            StringBuilder out = new StringBuilder();
            out.append("Committee summary benchmark, ").append(Instant.now()).append('\n')
                    .append(INDICATORS).append(" indicators x ").append(PERIODS).append(" monthly periods, loaded in ")
                    .append(String.format("%.1f s", loadSeconds)).append("; Java ").append(Runtime.version())
                    .append(", ").append(Runtime.getRuntime().availableProcessors()).append(" cores\n")
                    .append("summary: ").append(scorecards.summary(all).statuses()).append('\n');
            out.append(line("use case, all indicators as at March 2022", time(() -> scorecards.summary(all))));
            out.append(line("use case, one service area", time(() -> scorecards.summary(oneArea))));
            out.append(line("HTTP GET /api/indicators/summary (signed token)", time(() -> {
                if (Http.get(url, token).statusCode() != 200) {
                    throw new IllegalStateException("summary failed");
                }
            })));
            org.waypoint.indicator.indicator.persistence.StatusIndex index =
                    app.getBean(org.waypoint.indicator.indicator.persistence.StatusIndex.class);
            out.append(line("status index: full rebuild from MongoDB", time(index::rebuild, 2, 5)));
            System.out.print(out);
            Path file = Path.of("target/bench/committee-summary.txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString());
        }
    }

    private static void load(ConfigurableApplicationContext app) {
        Indicators indicators = app.getBean(Indicators.class);
        OrganisationSettings settings = app.getBean(OrganisationSettings.class);
        Random random = new Random(42);
        Owner owner = new Owner("Jamie Wilson", "jamie.lead", "jamie.wilson@waypoint.example");
        Instant now = Instant.parse("2022-04-10T09:00:00Z");
        for (int i = 0; i < INDICATORS; i++) {
            TreeMap<Integer, Target> targets = new TreeMap<>(Map.of(2021, Target.number(MeasuredValue.of("90"))));
            Definition d = new Definition("B-" + i, "Benchmark indicator " + i, null, Unit.PERCENTAGE,
                    i % 10 == 0 ? Polarity.MONITOR_ONLY : Polarity.HIGHER_IS_BETTER, Frequency.MONTHLY, null, targets, null,
                    owner, i % 2 == 0 ? "Children and Justice" : "Adult and Older People", Theme.values()[i % 5], List.of(),
                    null, null);
            Indicator indicator = Indicator.define(new IndicatorId(String.format("b%06d", i)), d, "bench", now,
                    settings.defaultTolerance()).indicator();
            for (int m = 0; m < PERIODS; m++) {
                Period period = Period.month(YearMonth.of(2021, 4).plusMonths(m));
                String value = (80 + random.nextInt(21)) + "%";
                indicator = indicator.record(period, Unit.PERCENTAGE.read(value), null, m % 3 == 0 ? "commentary" : null,
                        "bench", now, settings.defaultTolerance()).indicator();
            }
            indicators.insert(indicator, List.of());
        }
    }

    private static long[] time(Runnable action) {
        return time(action, WARMUP, RUNS);
    }

    private static long[] time(Runnable action, int warmup, int runs) {
        for (int i = 0; i < warmup; i++) {
            action.run();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            action.run();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static String line(String what, long[] sorted) {
        return String.format("%-50s median %6.1f ms, p95 %6.1f ms, max %6.1f ms (%d runs)%n", what,
                sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6, sorted[sorted.length - 1] / 1e6,
                sorted.length);
    }

    private CommitteeSummaryBenchmark() {
    }

}
