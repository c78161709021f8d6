package org.waypoint.indicator.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.waypoint.platform.validation.InvalidInputException;

/** Periods of the UK financial year, as councils write them. */
class PeriodTest {

    @ParameterizedTest(name = "\"{0}\" is {1}, {2} to {3}")
    @CsvSource(delimiter = '|', value = {
            "2021/22       | 2021/22       | 2021-04-01 | 2022-03-31",
            "2021-22       | 2021/22       | 2021-04-01 | 2022-03-31",
            "2021/2022     | 2021/22       | 2021-04-01 | 2022-03-31",
            "1999/00       | 1999/00       | 1999-04-01 | 2000-03-31",
            "2021/22 Q1    | 2021/22 Q1    | 2021-04-01 | 2021-06-30",
            "2021/22 Q3    | 2021/22 Q3    | 2021-10-01 | 2021-12-31",
            "2021/22 q4    | 2021/22 Q4    | 2022-01-01 | 2022-03-31",
            "Q2 2021/22    | 2021/22 Q2    | 2021-07-01 | 2021-09-30",
            "2021/22 H2    | 2021/22 H2    | 2021-10-01 | 2022-03-31",
            "January 2022  | January 2022  | 2022-01-01 | 2022-01-31",
            "Jan 2022      | January 2022  | 2022-01-01 | 2022-01-31",
            "april 2021    | April 2021    | 2021-04-01 | 2021-04-30",
            "2022-03       | March 2022    | 2022-03-01 | 2022-03-31"})
    void readsPeriodsAsWritten(String text, String label, LocalDate start, LocalDate end) {
        Period period = Period.parse(text);

        assertThat(period.label()).isEqualTo(label);
        assertThat(period.start()).isEqualTo(start);
        assertThat(period.end()).isEqualTo(end);
        assertThat(Period.parse(period.label())).isEqualTo(period);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "2021", "2021/23", "2021/22 Q5", "Smarch 2022", "2022-13", "Q3", "2021/22 Q3 2022",
            "1850/51", "1850/51 Q2", "January 1850", "1850-05"})
    void refusesWhatIsNotAPeriod(String text) {
        assertThatThrownBy(() -> Period.parse(text, "baselinePeriod")).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("baselinePeriod"));
        assertThatThrownBy(() -> Period.parse(text)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("period"));
    }

    @Test
    void januaryIsInTheFourthQuarterOfTheFinancialYearThatStartedTheApril() {
        assertThat(Period.parse("January 2022").financialYear()).isEqualTo(2021);
        assertThat(Period.containing(Period.Kind.QUARTER, LocalDate.of(2022, 1, 15))).isEqualTo(Period.quarter(2021, 4));
    }

    @Test
    void thePreviousPeriodCrossesFinancialYears() {
        assertThat(Period.parse("2021/22 Q1").previous()).isEqualTo(Period.parse("2020/21 Q4"));
        assertThat(Period.parse("April 2021").previous()).isEqualTo(Period.parse("March 2021"));
        assertThat(Period.parse("2021/22 H1").previous()).isEqualTo(Period.parse("2020/21 H2"));
        assertThat(Period.parse("2021/22").previous()).isEqualTo(Period.parse("2020/21"));
    }

    @Test
    void periodsSortByTime() {
        assertThat(Period.parse("2021/22 Q4")).isGreaterThan(Period.parse("2021/22 Q3"));
        assertThat(Period.parse("2022/23 Q1")).isGreaterThan(Period.parse("March 2022"));
    }
}
