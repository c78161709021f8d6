package org.waypoint.budget.line.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.waypoint.platform.validation.InvalidInputException;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"18383000, 18383000.00", "0.1, 0.10", "12.340, 12.34", "-243922, -243922.00", "1E+3, 1000.00"})
    void moneyIsHeldToThePennyAndWrittenPlain(String given, String written) {
        assertThat(Money.of(new BigDecimal(given), "amount").toString()).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.345", "0.001", "1E-3", "-0.005"})
    void moreThanTwoDecimalPlacesIsRefusedNamingTheField(String given) {
        assertThatThrownBy(() -> Money.of(new BigDecimal(given), "projectedOutturn"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("at most 2 decimal places")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("projectedOutturn"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000000", "-1000000000000.00"})
    void absurdAmountsAreRefused(String given) {
        assertThatThrownBy(() -> Money.of(new BigDecimal(given), "amount")).isInstanceOf(InvalidInputException.class);
    }

    @ParameterizedTest
    @CsvSource({"0.10, 0.20, 0.30", "26471000.00, 6651000.00, 33122000.00", "0.01, -0.02, -0.01"})
    void additionIsExactWhereFloatingPointIsNot(String a, String b, String sum) {
        assertThat(Money.of(a).plus(Money.of(b))).isEqualTo(Money.of(sum));
    }

    @ParameterizedTest
    @CsvSource({"18383000.00, 18383000.00", "-1200.5, -1200.50", "12, 12.00", "0, 0.00", "12.340, 12.34"})
    void moneyWrittenAsAPlainDecimalIsReadAsItSays(String text, String money) {
        assertThat(Money.parse(text, "amount").toString()).isEqualTo(money);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e3", "1E+3", "Infinity", "-Infinity", "NaN", " 12", "12 ", "12,000", "+12", "£12", ".5", "12.", "",
            "12.345", "0x10", "\u0661\u0662", "1\n2"})
    void moneyWrittenAnyOtherWayIsRefusedNamingTheField(String text) {
        String given = text;
        assertThatThrownBy(() -> Money.parse(given, "actualToDate"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("actualToDate"));
    }
}
