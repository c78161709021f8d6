package org.waypoint.indicator.indicator.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A number in an indicator's unit beside the text it was read from ("£165k" is 165000, "70/30"
 * is 70).
 */
public record MeasuredValue(BigDecimal number, String asWritten) {

    public MeasuredValue {
        Objects.requireNonNull(number, "number");
        asWritten = asWritten == null ? number.toPlainString() : asWritten;
    }

    public static MeasuredValue of(String number) {
        return new MeasuredValue(new BigDecimal(number), number);
    }
}
