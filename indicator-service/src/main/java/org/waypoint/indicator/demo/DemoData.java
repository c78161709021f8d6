package org.waypoint.indicator.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.waypoint.indicator.indicator.application.ImportingIndicators;
import org.waypoint.indicator.indicator.application.IndicatorCsv;
import org.waypoint.indicator.indicator.domain.Indicators;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;

/**
 * Loads the seeds' indicators at start-up when {@code waypoint.demo-data.enabled} (the local
 * profile) and there are no indicators yet: South Lanarkshire's 21 measures (seed 003), East
 * Ayrshire's quality dashboard (seed 000), Dumfries and Galloway's KPIs with yearly values and LGBF
 * benchmarks (seed 004), and 25 South Ayrshire indicators whose statuses at 2021/22 Q3 reproduce
 * seed 001's committee summary (9, 13, 2, 1). It goes through the CSV import, like a person would.
 */
@Component
@ConditionalOnProperty(name = "waypoint.demo-data.enabled", havingValue = "true")
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final Caller LOADER = new Caller("waypoint-demo-data", Set.of(Roles.ADMIN), Set.of());

    /** Definitions file, measurements file (or null), and the financial year of an "Annual Target" column. */
    record Source(String definitions, String measurements, int annualTargetYear) {
    }

    static final List<Source> SOURCES = List.of(
            new Source("demo/south-lanarkshire-measures.csv", null, 2021),
            new Source("demo/east-ayrshire-dashboard.csv", null, 2021),
            new Source("demo/dumfries-galloway-kpis.csv", "demo/dumfries-galloway-values.csv", 2019),
            new Source("demo/south-ayrshire-indicators.csv", "demo/south-ayrshire-values.csv", 2021));

    private final ImportingIndicators importing;
    private final Indicators indicators;

    public DemoData(ImportingIndicators importing, Indicators indicators) {
        this.importing = importing;
        this.indicators = indicators;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() {
        if (!indicators.batch(null, 1).isEmpty()) {
            log.info("Demo data: indicators exist already, nothing loaded");
            return;
        }
        int created = 0;
        for (Source source : SOURCES) {
            created += report(source.definitions(),
                    importing.importDefinitions(rows(source.definitions()), source.annualTargetYear(), LOADER, false));
            if (source.measurements() != null) {
                report(source.measurements(), importing.importMeasurements(rows(source.measurements()), LOADER, false));
            }
        }
        log.info("Demo data: {} indicators loaded from the seeds", created);
    }

    private static int report(String file, ImportingIndicators.Report report) {
        report.rows().stream().filter(r -> r.outcome() == ImportingIndicators.Outcome.REJECTED)
                .forEach(r -> log.warn("Demo data {} row {} ({}): {} {}", file, r.row(), r.code(), r.field(), r.message()));
        if (!report.stored()) {
            log.warn("Demo data {}: nothing stored (imports are all or nothing)", file);
        }
        return report.created();
    }

    private static List<IndicatorCsv.Row> rows(String resource) {
        try (var in = new ClassPathResource(resource).getInputStream()) {
            return IndicatorCsv.read(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
