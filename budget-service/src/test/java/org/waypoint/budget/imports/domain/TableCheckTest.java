package org.waypoint.budget.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waypoint.platform.validation.InvalidInputException;

/** The seeds' budget tables checked against their own arithmetic. */
class TableCheckTest {

    @Test
    void seed000StatesAnEacTotalItsOwnLinesContradict() {
        TableCheck.Report report = TableCheck.check(rows("seeds/000-budget-2021-22.tsv"), null, null);

        assertThat(report.unit()).isEqualTo(TableCheck.Unit.MILLIONS);
        assertThat(report.lines()).hasSize(9);
        assertThat(report.agrees()).isFalse();
        assertThat(report.disagreements()).extracting(TableCheck.Disagreement::row, TableCheck.Disagreement::column,
                TableCheck.Disagreement::stated, TableCheck.Disagreement::computed).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(11, "Total Delegated Budget 2021/22 £m", "33399000.00", "33122000.00"),
                org.assertj.core.groups.Tuple.tuple(11, "EAC Delegated Budget 2021/22 £m", "26471000.00", "26748000.00"));
        assertThat(report.disagreements()).allSatisfy(d -> assertThat(d.label()).isEqualTo("Totals"));
        assertThat(report.checks()).isEqualTo(9 + 1 + 3);
    }

    @Test
    void seed003AgreesWithItselfIncludingItsPercentages() {
        TableCheck.Report report = TableCheck.check(rows("seeds/003-net-budget-by-service.tsv"), null, null);

        assertThat(report.disagreements()).isEmpty();
        assertThat(report.checks()).isEqualTo(1 + 4 + 1);
        assertThat(report.lines().get(1).amounts()).singleElement()
                .satisfies(c -> assertThat(c.amount()).isEqualTo("131773000.00"));
    }

    @Test
    void seed004SubtotalsAndTotalsAgreeWithTheSubjectiveAnalysis() {
        TableCheck.Report report = TableCheck.check(rows("seeds/004-subjective-analysis-2019-20.tsv"), null, "Budget Estimates 2019/20");

        assertThat(report.unit()).isEqualTo(TableCheck.Unit.POUNDS);
        assertThat(report.lines()).hasSize(9);
        assertThat(report.disagreements()).isEmpty();
        // 12 rows with a row total (9 lines, 2 subtotals, 1 total) + 6 columns x 3 total rows
        assertThat(report.checks()).isEqualTo(12 + 18);
        assertThat(report.headings()).extracting(TableCheck.Heading::label).containsExactly("Expense", "Income");
    }

    @Test
    void aWrongPercentageAndAWrongSubtotalAreEachReportedNeverCorrected() {
        List<List<String>> doctored = rows("seeds/003-net-budget-by-service.tsv");
        doctored.get(3).set(2, "20"); // Children and Families: 19.56% printed as 20 (then the shares add to 101)
        doctored.get(5).set(1, "175.800");
        TableCheck.Report report = TableCheck.check(doctored, null, null);

        assertThat(report.disagreements()).extracting(TableCheck.Disagreement::row, TableCheck.Disagreement::stated,
                TableCheck.Disagreement::computed).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(4, "20", "19"),
                org.assertj.core.groups.Tuple.tuple(6, "175800000.00", "175763000.00"));
        assertThat(report.lines().get(2).amounts().getFirst().amount()).as("the line as stated").isEqualTo("34381000.00");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "words among figures    | Justice Services\t1.933\tlots\t1.933 | lots' is not an amount",
            "more precise than 1p   | Justice Services\t1.933333333\t0\t1.933 | more precise than a penny",
            "too many cells         | Justice Services\t1.933\t0\t1.933\t9 | has 5 cells"})
    void malformedRowsAreRefusedNamingTheRow(String why, String row, String message) {
        List<List<String>> table = rows("seeds/000-budget-2021-22.tsv");
        table.add(3, Arrays.asList(row.split("\t", -1)));
        assertThatThrownBy(() -> TableCheck.check(table, null, null)).as(why)
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("row 4")
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"(243,922)|-243922", "£4,374.00|4374.00", "-|0", "0.185|0.185", "1 234|1234",
            "-1,200.50|-1200.50", "12,000|12000", "1,234,567|1234567", "19%|19", "(£1,207,507)|-1207507"})
    void amountsAreReadAsCouncilsPrintThem(String cell, String value) {
        assertThat(TableCheck.number(cell)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(value));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1e3", "1E+3", "Infinity", "NaN", "+12", "12,00", "1,2,3", "12,0000",
            "1 23", "--5", "(-5)", "0x10"})
    void figuresNoCouncilPrintsAreNotAmountsAndAreRefusedRatherThanTakenForAHeading(String cell) {
        assertThat(TableCheck.number(cell)).isEmpty();
        List<List<String>> table = new java.util.ArrayList<>(List.of(List.of("Service Division", "Council £"),
                List.of("Justice Services", "100"), List.of("Health Visiting", cell)));
        assertThatThrownBy(() -> TableCheck.check(table, null, null))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("row 3")
                .hasMessageContaining("is not an amount");
    }

    static List<List<String>> rows(String resource) {
        try (InputStream in = TableCheckTest.class.getClassLoader().getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new java.util.ArrayList<>(text.lines().map(l -> (List<String>) new java.util.ArrayList<>(Arrays.asList(l.split("\t", -1)))).toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
