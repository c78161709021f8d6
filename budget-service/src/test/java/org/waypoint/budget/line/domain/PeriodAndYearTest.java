package org.waypoint.budget.line.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.waypoint.platform.validation.InvalidInputException;

class PeriodAndYearTest {

    private static final FinancialYear FY = FinancialYear.parse("2021/22");

    @ParameterizedTest
    @CsvSource({"2021/22, 2021/22", "2021-22, 2021/22", "2019/2020, 2019/20", "1999-00, 1999/00", "2099/2100, 2099/00"})
    void financialYearsAreReadInTheSpellingsCouncilsUse(String written, String read) {
        assertThat(FinancialYear.parse(written)).hasToString(read);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021", "2021/23", "twenty-one", "2021/2023"})
    void notAFinancialYear(String written) {
        assertThatThrownBy(() -> FinancialYear.parse(written)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theFinancialYearRunsFromAprilToMarch() {
        assertThat(FY.start()).isEqualTo(LocalDate.of(2021, 4, 1));
        assertThat(FY.end()).isEqualTo(LocalDate.of(2022, 3, 31));
        assertThat(FinancialYear.containing(LocalDate.of(2022, 3, 31))).isEqualTo(FY);
        assertThat(FinancialYear.containing(LocalDate.of(2022, 4, 1))).hasToString("2022/23");
    }

    @ParameterizedTest
    @CsvSource({"Q1, 2021-06-30, 2021/22 Q1", "Q4, 2022-03-31, 2021/22 Q4", "M01, 2021-04-30, 2021/22 M01",
            "m6, 2021-09-30, 2021/22 M06", "September, 2021-09-30, 2021/22 M06", "january, 2022-01-31, 2021/22 M10",
            "March, 2022-03-31, 2021/22 M12", "2021/22 Q3, 2021-12-31, 2021/22 Q3", "2021-22 M11, 2022-02-28, 2021/22 M11"})
    void periodsAreMonthsOrQuartersOfTheFinancialYear(String written, LocalDate end, String read) {
        Period period = Period.parse(written, FY);
        assertThat(period.end()).isEqualTo(end);
        assertThat(period).hasToString(read);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Q5", "M13", "M0", "Autumn", "2020/21 Q1", ""})
    void aPeriodOutsideTheYearOrUnreadableIsRefusedNamingPeriod(String written) {
        assertThatThrownBy(() -> Period.parse(written, FY))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("period"));
    }
}
