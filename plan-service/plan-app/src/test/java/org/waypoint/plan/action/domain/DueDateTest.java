package org.waypoint.plan.action.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waypoint.platform.validation.InvalidInputException;

class DueDateTest {

    @ParameterizedTest(name = "\"{0}\" is read as {1}")
    @CsvSource({
            "2021, 2022-03-31",
            "2024, 2025-03-31",
            "2021-24, 2024-03-31",
            "2021-2024, 2024-03-31",
            "2021/22, 2022-03-31",
            "2099-01, 2101-03-31",
            "2024-03-31, 2024-03-31",
            "31/03/2024, 2024-03-31",
            "1/4/2023, 2023-04-01"})
    void readsWhatPlansWriteByTheUkFinancialYear(String written, LocalDate expected) {
        DueDate due = DueDate.parse(written);
        assertThat(due.date()).isEqualTo(expected);
        assertThat(due.asWritten()).isEqualTo(written);
    }

    @Test
    void aBareYearIsNeverReadAsTheMarchBeforeTheYearStarts() {
        // seed 000 was written in August 2021 and gives "2021" to first-year deliverables
        assertThat(DueDate.parse("2021").date()).isAfter(LocalDate.of(2021, 8, 1));
    }

    @Test
    void refusesWhatIsNotADateAndSaysWhichField() {
        assertThatThrownBy(() -> DueDate.parse("next spring"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("next spring")
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("due");
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> DueDate.parse("2024-2021")).isInstanceOf(InvalidInputException.class);
    }
}
