package org.waypoint.indicator.indicator.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

import org.waypoint.platform.validation.InvalidInputException;

/**
 * How far short of target still counts as amber ("Some concerns"): an absolute amount in the
 * indicator's unit, or a percentage of the target (or of the comparator, for directional targets).
 */
public record Tolerance(Kind kind, BigDecimal amount) {

    public enum Kind { ABSOLUTE, RELATIVE }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Tolerance {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new InvalidInputException("tolerance.amount", "must not be below zero");
        }
    }

    public static Tolerance absolute(String amount) {
        return new Tolerance(Kind.ABSOLUTE, new BigDecimal(amount));
    }

    public static Tolerance relative(String percent) {
        return new Tolerance(Kind.RELATIVE, new BigDecimal(percent));
    }

    /** The shortfall allowed against {@code reference} (the target or the comparator). */
    public BigDecimal allowedShortfall(BigDecimal reference) {
        return kind == Kind.ABSOLUTE ? amount : reference.abs().multiply(amount).divide(HUNDRED, MathContext.DECIMAL64);
    }
}
