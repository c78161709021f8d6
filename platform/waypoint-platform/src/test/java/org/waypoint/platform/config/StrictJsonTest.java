package org.waypoint.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTest {

    record Body(String title, Integer progressPercent, int likelihood, BigDecimal amount, Boolean done) {
    }

    private final JsonMapper json = StrictJson.apply(JsonMapper.builder()).build();

    @ParameterizedTest(name = "{0} is refused")
    @ValueSource(strings = {"{\"title\": 123}", "{\"title\": 1.5}", "{\"title\": true}", "{\"progressPercent\": 50.5}",
            "{\"progressPercent\": \"50\"}", "{\"likelihood\": 2.5}", "{\"likelihood\": 2.0}", "{\"done\": \"true\"}",
            "{\"done\": 1}", "{\"amount\": true}"})
    void aValueOfTheWrongKindIsRefusedNotConverted(String body) {
        assertThatThrownBy(() -> json.readValue(body, Body.class)).isInstanceOf(DatabindException.class);
    }

    @Test
    void valuesOfTheirOwnKindAndMoneyAsADecimalStringAreRead() {
        Body body = json.readValue("{\"title\": \"Plan\", \"progressPercent\": 50, \"likelihood\": 3, \"amount\": \"18383000.00\", "
                + "\"done\": false}", Body.class);

        assertThat(body).isEqualTo(new Body("Plan", 50, 3, new BigDecimal("18383000.00"), false));
    }
}
