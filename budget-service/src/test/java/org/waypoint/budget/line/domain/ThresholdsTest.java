package org.waypoint.budget.line.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdsTest {

    @ParameterizedTest(name = "budget {0}, outturn {1}: {2}")
    @CsvSource({
            "1000000.00, ,           NO_PROJECTION",
            "1000000.00, 900000.00,  GREEN",
            "1000000.00, 1000000.00, GREEN",
            "1000000.00, 1000000.01, AMBER",
            "1000000.00, 1010000.00, AMBER",   // exactly 1%: not beyond it
            "1000000.00, 1010000.01, RED",     // a penny beyond 1%
            "0.00,       0.01,       RED",
            "0.00,       0.00,       GREEN",
            "-243922.00, -243922.00, GREEN",   // income on budget
            "-243922.00, -250000.00, GREEN",   // more income than budgeted
            "-243922.00, -200000.00, RED"})    // income 18% short: adverse
    void aProjectedOverspendBeyondOnePercentIsRed(String budget, String outturn, BudgetStatus expected) {
        assertThat(Thresholds.DEFAULT.statusOf(Money.of(budget), outturn == null ? null : Money.of(outturn))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"2, 5, 1030000.00, AMBER", "2, 5, 1060000.00, RED", "2, 5, 1010000.00, GREEN"})
    void thresholdsAreConfigurable(String amber, String red, String outturn, BudgetStatus expected) {
        Thresholds thresholds = new Thresholds(new BigDecimal(amber), new BigDecimal(red));
        assertThat(thresholds.statusOf(Money.of("1000000.00"), Money.of(outturn))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"1933000.00, 1990990.00, 57990.00, 3.00, 103.00", "3338000.00, 3300000.00, -38000.00, -1.14, 98.86"})
    void varianceAndOutturnAsPercentOfBudget(String budget, String outturn, String variance, String variancePercent,
                                             String outturnPercent) {
        Variance v = Variance.of(Money.of(budget), Money.of(outturn), Thresholds.DEFAULT);
        assertThat(v.variance()).isEqualTo(Money.of(variance));
        assertThat(v.variancePercent()).isEqualByComparingTo(variancePercent);
        assertThat(v.outturnPercent()).isEqualByComparingTo(outturnPercent);
    }
}
