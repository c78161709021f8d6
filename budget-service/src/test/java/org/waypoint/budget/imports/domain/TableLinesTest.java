package org.waypoint.budget.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waypoint.budget.demo.SeedBudgets;
import org.waypoint.budget.imports.RandomTables;
import org.waypoint.budget.imports.domain.TableLines.Axis;
import org.waypoint.budget.line.domain.BudgetLine;
import org.waypoint.budget.line.domain.BudgetLineId;
import org.waypoint.budget.line.domain.BudgetType;
import org.waypoint.budget.line.domain.FinancialYear;
import org.waypoint.budget.line.domain.Money;
import org.waypoint.budget.line.domain.SubjectiveCategory;
import org.waypoint.budget.line.domain.Thresholds;
import org.waypoint.budget.totals.domain.Dimension;
import org.waypoint.budget.totals.domain.GroupTotal;
import org.waypoint.budget.totals.domain.Totals;

/** The seeds' budget tables read into the lines they state; a stored table totals to its own sums, to the penny. */
class TableLinesTest {

    private static final Instant NOW = Instant.parse("2021-04-01T09:00:00Z");
    private static final FinancialYear FY_2021 = FinancialYear.parse("2021/22");

    @Example
    void seed000IsOneLinePerDivisionAndFunderWithAnAmountTheZerosLeftOut() {
        TableCheck.Report report = TableCheck.check(TableCheckTest.rows("seeds/000-budget-2021-22.tsv"), null, null);

        TableLines.Proposal proposal = TableLines.propose(report, layout(SeedBudgets.EAST_AYRSHIRE, TableLines.yearIn(report.header())
                .orElseThrow(), Axis.DIVISION, Axis.FUNDING_SOURCE, null, null));

        assertThat(proposal.problems()).isEmpty();
        assertThat(proposal.zeroCellsSkipped()).isEqualTo(9);
        assertThat(proposal.lines()).extracting(p -> p.details().division() + "|" + p.details().fundingSource() + "|"
                + p.details().amount()).containsExactlyInAnyOrderElementsOf(SeedBudgets.eastAyrshire().stream()
                .map(s -> s.division() + "|" + s.fundingSource() + "|" + Money.of(s.amount())).toList());
        assertThat(proposal.lines()).allSatisfy(p -> {
            assertThat(p.details().financialYear()).isEqualTo(FY_2021);
            assertThat(p.details().type()).isEqualTo(BudgetType.REVENUE);
            assertThat(p.column()).doesNotContain("Total");
        });
        assertThat(proposal.lines().getFirst().row()).isEqualTo(2);
    }

    @Example
    void seed003HasOneColumnOfAmountsSoItsFunderIsGivenAndItsPercentagesAreNoLines() {
        TableCheck.Report report = TableCheck.check(TableCheckTest.rows("seeds/003-net-budget-by-service.tsv"), null, null);

        TableLines.Proposal missing = TableLines.propose(report, layout(SeedBudgets.SOUTH_LANARKSHIRE, FY_2021, Axis.DIVISION,
                Axis.FUNDING_SOURCE, null, null));
        assertThat(missing.lines()).isEmpty();
        assertThat(missing.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("fundingSource");
            assertThat(p.message()).contains("one column of amounts");
        });

        TableLines.Proposal proposal = TableLines.propose(report, layout(SeedBudgets.SOUTH_LANARKSHIRE, FY_2021, Axis.DIVISION,
                Axis.FUNDING_SOURCE, null, "Council"));
        assertThat(proposal.problems()).isEmpty();
        assertThat(proposal.lines()).extracting(p -> p.details().division() + "|" + p.details().amount()).containsExactly(
                "Performance and Support Services|8024000.00", "Adult and Older People|131773000.00",
                "Children and Families|34381000.00", "Justice and Substance Misuse|1585000.00");
    }

    @Example
    void seed004IsCategoriesDownAndDivisionsAcrossTheSubtotalsAndTotalsLeftOut() {
        TableCheck.Report report = TableCheck.check(TableCheckTest.rows("seeds/004-subjective-analysis-2019-20.tsv"), null,
                "Budget Estimates 2019/20");

        TableLines.Proposal proposal = TableLines.propose(report, layout(SeedBudgets.DUMFRIES_AND_GALLOWAY,
                TableLines.yearIn(report.header()).orElseThrow(), Axis.CATEGORY, Axis.DIVISION, null, "Council"));

        assertThat(proposal.problems()).isEmpty();
        assertThat(proposal.lines()).extracting(p -> p.details().division() + "|" + p.details().category() + "|" + p.details().amount())
                .containsExactlyInAnyOrderElementsOf(SeedBudgets.dumfriesAndGalloway().stream()
                        .map(s -> s.division() + "|" + s.category() + "|" + Money.of(s.amount())).toList());
        assertThat(proposal.lines()).allSatisfy(p -> assertThat(p.details().financialYear()).isEqualTo(FinancialYear.parse("2019/20")));
    }

    @Example
    void cellsThatCannotBeLinesAreReportedWithTheirRowNeverGuessed() {
        List<List<String>> table = List.of(
                List.of("Subjective", "Justice Services £"),
                List.of("Staff Costs", "1,000.00"),
                List.of("Catering", "50.00"),
                List.of("Fees and Charges", "20.00"),
                List.of("Other Grants", "(30.00)"));
        TableCheck.Report report = TableCheck.check(table, null, null);

        TableLines.Proposal proposal = TableLines.propose(report, layout(SeedBudgets.EAST_AYRSHIRE, FY_2021, Axis.CATEGORY,
                Axis.DIVISION, "Justice Services", "EAC Delegated"));

        assertThat(proposal.problems()).extracting(TableLines.Problem::field).containsExactly("rows[3].category", "rows[4].amount");
        assertThat(proposal.problems().get(1).message()).contains("income");
        assertThat(proposal.lines()).extracting(p -> p.details().category()).containsExactly(SubjectiveCategory.STAFF,
                SubjectiveCategory.OTHER_GRANTS);
    }

    @Example
    void theSameLineStatedTwiceIsAProblem() {
        List<List<String>> table = List.of(List.of("Division", "Amount £"), List.of("Justice Services", "10"),
                List.of("justice services", "20"));
        TableLines.Proposal proposal = TableLines.propose(TableCheck.check(table, null, null),
                layout(SeedBudgets.EAST_AYRSHIRE, FY_2021, Axis.DIVISION, Axis.FUNDING_SOURCE, null, "EAC Delegated"));

        assertThat(proposal.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("rows[3]");
            assertThat(p.message()).contains("same budget line as row 2");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "EAC Delegated Budget 2021/22 £m           | EAC Delegated",
            "NHS A&A Delegated Budget 2021/22 £m       | NHS A&A Delegated",
            "Children & Families Social Care £         | Children & Families Social Care",
            "Adults Non IJB Services                   | Adults Non IJB Services",
            "Council (£000)                            | Council",
            "Scottish Government grant 2019-2020 £'000 | Scottish Government grant",
            "£ million                                 | ''",
            "Net Budget 2021/22 £m                     | ''",
            "Amount £                                  | ''"})
    void aHeaderNamesWhatIsLeftWithoutItsYearAndUnit(String header, String name) {
        assertThat(TableLines.nameIn(header)).isEqualTo(name.equals("''") ? "" : name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Staff Costs|STAFF", "staff|STAFF", "Supplies, Services and Administration Costs|SUPPLIES_AND_SERVICES",
            "Internal Recharge Income|INTERNAL_RECHARGES", "internal recharges|INTERNAL_RECHARGES", "PAYMENTS_TO_OTHER_BODIES|PAYMENTS_TO_OTHER_BODIES",
            "Fees & Charges|FEES_AND_CHARGES"})
    void categoriesAreReadAsBudgetPapersPrintThem(String text, SubjectiveCategory category) {
        assertThat(TableLines.category(text)).contains(category);
    }

    @Example
    void theAcknowledgementIsTheFingerprintOfExactlyTheseDiscrepancies() {
        List<List<String>> seed000 = TableCheckTest.rows("seeds/000-budget-2021-22.tsv");
        String ack = TableLines.acknowledgement(TableCheck.check(seed000, null, null).disagreements());
        assertThat(ack).hasSize(16).isEqualTo(TableLines.acknowledgement(TableCheck.check(seed000, null, null).disagreements()));

        seed000.get(10).set(1, "26.400");
        assertThat(TableLines.acknowledgement(TableCheck.check(seed000, null, null).disagreements())).isNotEqualTo(ack);
        assertThat(TableLines.acknowledgement(List.of())).isNull();
    }

    /** The property of issue 6: what a table's lines add up to is what the stored lines total, whatever the unit. */
    @Property(tries = 300)
    void storingAnImportedTableThenTotallingItReproducesItsSumsToThePenny(@ForAll("tables") RandomTables.Table table) {
        TableCheck.Report report = TableCheck.check(table.rows(), null, null);
        assertThat(report.disagreements()).as("the generated table states its totals right").isEmpty();

        TableLines.Proposal proposal = TableLines.propose(report, layout(SeedBudgets.EAST_AYRSHIRE, FY_2021, Axis.DIVISION,
                Axis.FUNDING_SOURCE, null, null));
        assertThat(proposal.problems()).isEmpty();
        assertThat(proposal.lines()).hasSize(table.nonZeroCells());
        List<BudgetLine> stored = proposal.lines().stream()
                .map(p -> BudgetLine.set(BudgetLineId.newId(), p.details(), "fiona.finance", NOW).line()).toList();

        assertThat(budgets(Totals.of(stored, List.of(Dimension.DIVISION), Thresholds.DEFAULT), "division")).isEqualTo(table.byDivision());
        assertThat(budgets(Totals.of(stored, List.of(Dimension.FUNDING_SOURCE), Thresholds.DEFAULT), "fundingSource"))
                .isEqualTo(table.byFunder());
        assertThat(Totals.of(stored, List.of(Dimension.YEAR), Thresholds.DEFAULT).total().budget()).isEqualTo(table.total());
    }

    @Provide
    Arbitrary<RandomTables.Table> tables() {
        List<String> divisions = List.of("Adult Support & Protection", "Child Protection Committee", "Prison and Police Healthcare",
                "Children & Families / Women's Services", "Outwith / Secure Placements", "Justice Services", "Health Visiting",
                "Learning and Development", "Social Work OOH (Standby Services)");
        return Arbitraries.longs().map(seed -> RandomTables.generate(new Random(seed), divisions, "2021/22"));
    }

    private static Map<String, Money> budgets(Totals totals, String key) {
        Map<String, Money> out = new HashMap<>();
        for (GroupTotal g : totals.groups()) {
            out.put(g.key().get(key), g.budget());
        }
        return out.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static TableLines.Layout layout(String organisation, FinancialYear year, Axis rows, Axis columns, String division,
                                            String fundingSource) {
        return new TableLines.Layout(organisation, year, rows, columns, division, fundingSource, null, null, null);
    }
}
