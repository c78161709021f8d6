package org.waypoint.budget.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.waypoint.budget.api.BudgetEvent;
import org.waypoint.budget.line.application.BudgetQueries;
import org.waypoint.budget.line.application.Organisations;
import org.waypoint.budget.line.domain.BudgetLine;
import org.waypoint.budget.line.domain.BudgetLineId;
import org.waypoint.budget.line.domain.BudgetLines;
import org.waypoint.budget.line.domain.BudgetType;
import org.waypoint.budget.line.domain.FinancialYear;
import org.waypoint.budget.line.domain.Holder;
import org.waypoint.budget.line.domain.LineDetails;
import org.waypoint.budget.line.domain.MonitoringEntry;
import org.waypoint.budget.line.domain.Money;
import org.waypoint.budget.line.domain.Period;
import org.waypoint.budget.line.domain.SubjectiveCategory;
import org.waypoint.budget.line.domain.Thresholds;

/**
 * Demo data ({@code waypoint.demo-data.enabled=true}, on in the local profile): the three seed
 * budgets with a plausible year of quarterly monitoring, loaded at start-up only when there are no
 * budget lines yet. Secure placements and children's social care drift into a projected overspend
 * beyond 1% during the year (red, announced once); most lines finish a little under budget.
 */
@Component
@ConditionalOnProperty(name = "waypoint.demo-data.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");
    /** Where each line's outturn ends the year, in percent of budget (default: slightly under). */
    private static final Map<String, String> DRIFT = Map.of(
            "Outwith / Secure Placements", "4.2",
            "Children & Families Social Care", "1.8",
            "Children & Families / Women's Services", "0.6",
            "Adult and Older People", "0.4",
            "Prison and Police Healthcare", "-1.4");
    private static final Map<String, Holder> HOLDERS = Map.of(
            "Children and Justice", new Holder("Jamie Wilson", "jamie.lead", "jamie.wilson@waypoint.example"),
            "Adult and Older People", new Holder("Morag Clark", "morag.lead", "morag.clark@waypoint.example"));

    private final BudgetLines lines;
    private final BudgetQueries queries;
    private final Organisations organisations;
    private final Thresholds thresholds;

    public DemoData(BudgetLines lines, BudgetQueries queries, Organisations organisations, Thresholds thresholds) {
        this.lines = lines;
        this.queries = queries;
        this.organisations = organisations;
        this.thresholds = thresholds;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    /** @return how many lines were loaded (none if there were lines already) */
    public int load() {
        if (queries.count() > 0) {
            return 0;
        }
        int loaded = 0;
        for (SeedBudgets.SeedLine seed : SeedBudgets.all()) {
            FinancialYear year = FinancialYear.parse(seed.year());
            String serviceArea = organisations.divisionsOf(seed.organisation()).orElseThrow().stream()
                    .filter(d -> d.name().equals(seed.division())).findFirst().orElseThrow().serviceArea();
            LineDetails details = new LineDetails(year, seed.organisation(), serviceArea, seed.division(), seed.fundingSource(),
                    BudgetType.valueOf(seed.type()), seed.project(),
                    seed.category() == null ? null : SubjectiveCategory.valueOf(seed.category()), null,
                    Money.of(new BigDecimal(seed.amount()), "amount"), serviceArea == null ? null : HOLDERS.get(serviceArea));
            List<BudgetEvent> events = new ArrayList<>();
            BudgetLine.Changed changed = BudgetLine.set(BudgetLineId.newId(), details, "fiona.finance",
                    year.start().minusDays(20).atTime(LocalTime.NOON).atZone(UK).toInstant());
            events.addAll(changed.events());
            BudgetLine line = changed.line();
            BigDecimal drift = new BigDecimal(DRIFT.getOrDefault(seed.division(), defaultDrift(seed)));
            for (int quarter = 1; quarter <= 4; quarter++) {
                BudgetLine.Changed recorded = line.record(monitoring(details, year, quarter, drift), thresholds);
                events.addAll(recorded.events());
                line = recorded.line();
            }
            lines.insert(line, events);
            loaded++;
        }
        log.info("Demo data: loaded {} budget lines of the three seed budgets with a year of monitoring", loaded);
        return loaded;
    }

    /** Q1 on budget; the drift shows from Q2 and settles by Q4. Spending runs evenly through the year. */
    private static MonitoringEntry monitoring(LineDetails details, FinancialYear year, int quarter, BigDecimal drift) {
        BigDecimal budget = details.amount().amount();
        BigDecimal share = switch (quarter) {
            case 1 -> BigDecimal.ZERO;
            case 2 -> new BigDecimal("0.6");
            default -> BigDecimal.ONE;
        };
        BigDecimal outturn = budget.multiply(BigDecimal.ONE.add(drift.multiply(share).movePointLeft(2))).setScale(0, RoundingMode.HALF_UP);
        BigDecimal actual = outturn.multiply(BigDecimal.valueOf(quarter)).divide(BigDecimal.valueOf(4), 0, RoundingMode.HALF_UP);
        Period period = new Period(year, Period.Kind.QUARTER, quarter);
        String by = details.holder() == null ? "fiona.finance" : details.holder().username();
        String commentary = drift.signum() > 0 && quarter > 1 ? "Demand above the level budgeted for; recovery actions agreed with the service."
                : null;
        return new MonitoringEntry(period, new Money(actual.setScale(2)), new Money(outturn.setScale(2)), commentary, by,
                period.end().plusDays(14).atTime(LocalTime.of(10, 0)).atZone(UK).toInstant());
    }

    /** Most lines end a little under budget (0.2% to 1.4%), varying by line; income and capital on budget. */
    private static String defaultDrift(SeedBudgets.SeedLine seed) {
        if (seed.category() != null && SubjectiveCategory.valueOf(seed.category()).isIncome() || "CAPITAL".equals(seed.type())) {
            return "0";
        }
        int spread = Math.floorMod((seed.division() + seed.category()).hashCode(), 13);
        return "-" + BigDecimal.valueOf(2 + spread, 1).toPlainString();
    }
}
