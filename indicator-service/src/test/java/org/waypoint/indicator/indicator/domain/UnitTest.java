package org.waypoint.indicator.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.waypoint.platform.validation.InvalidInputException;

/** Values are read in the indicator's unit, as the seeds write them; a value of another unit is refused, naming the field. */
class UnitTest {

    @ParameterizedTest(name = "{0} \"{1}\" is {2}")
    @CsvSource(delimiter = '|', value = {
            "PERCENTAGE | 95%        | 95",
            "PERCENTAGE | 49.5%      | 49.5",
            "PERCENTAGE | 87         | 87",
            "COUNT      | 2,500      | 2500",
            "COUNT      | 56         | 56",
            "MONEY      | £165k      | 165000",
            "MONEY      | £4,374.00  | 4374.00",
            "MONEY      | 228        | 228",
            "DAYS       | 15.53 days | 15.53",
            "DAYS       | 9          | 9",
            "RATIO      | 70/30      | 70",
            "RATIO      | 1/3        | 25"})
    void readsValues(Unit unit, String text, BigDecimal number) {
        MeasuredValue value = unit.read(text);
        assertThat(value.number()).isEqualByComparingTo(number);
        assertThat(value.asWritten()).isEqualTo(text);
    }

    @ParameterizedTest(name = "{0} refuses \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "PERCENTAGE | £95",
            "PERCENTAGE | 101%",
            "PERCENTAGE | -1",
            "PERCENTAGE | 70/30",
            "PERCENTAGE | 5 days",
            "COUNT      | 2.5",
            "COUNT      | 95%",
            "COUNT      | -3",
            "MONEY      | 95%",
            "MONEY      | £1.234",
            "DAYS       | £9",
            "DAYS       | -2",
            "RATIO      | 70",
            "RATIO      | 0/0",
            "PERCENTAGE | lots"})
    void refusesValuesOfAnotherUnit(Unit unit, String text) {
        assertThatThrownBy(() -> unit.read(text, "baseline")).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("baseline");
            assertThat(e.getMessage()).endsWith("(the indicator is in " + unit.name().toLowerCase() + ")");
        });
        assertThatThrownBy(() -> unit.read(text)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("value"));
    }

    @org.junit.jupiter.api.Test
    void aTargetOfAnotherUnitIsRefusedNamingItsField() {
        assertThatThrownBy(() -> Target.parse("£95", Unit.PERCENTAGE, "targets.2021/22"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("targets.2021/22");
                    assertThat(e.getMessage()).isEqualTo("must be a percentage such as 95%, was £95");
                });
    }
}
