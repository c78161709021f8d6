package org.waypoint.budget.line.domain;

import java.time.Instant;

/** Budget lines from the seeds, for tests. */
public final class BudgetLineFixture {

    public static final Instant NOW = Instant.parse("2021-10-15T09:00:00Z");
    public static final FinancialYear FY_2021 = FinancialYear.parse("2021/22");

    private BudgetLineFixture() {
    }

    /** Seed 000: Justice Services, EAC delegated, 2021/22, £1.933m, held by Jamie. */
    public static LineDetails justiceServices() {
        return new LineDetails(FY_2021, "East Ayrshire Health and Social Care Partnership", "Children and Justice",
                "Justice Services", "EAC Delegated", BudgetType.REVENUE, null, null, null, Money.of("1933000.00"),
                new Holder("Jamie Wilson", "jamie.lead", "jamie.wilson@waypoint.example"));
    }

    public static BudgetLine line(LineDetails details) {
        return BudgetLine.set(BudgetLineId.newId(), details, "fiona.finance", NOW).line();
    }

    public static MonitoringEntry projection(String period, String actual, String outturn) {
        return new MonitoringEntry(Period.parse(period, FY_2021), Money.of(actual), Money.of(outturn), null, "jamie.lead", NOW);
    }
}
