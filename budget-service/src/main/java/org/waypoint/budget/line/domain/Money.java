package org.waypoint.budget.line.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Pattern;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/**
 * An exact amount of pounds and pence. Never a floating-point number: built from a
 * {@link BigDecimal} or a decimal string, always held at scale 2, and refusing anything that is
 * not a whole number of pence ({@code 12.345} is refused, {@code 12.340} is {@code 12.34}).
 */
public record Money(BigDecimal amount) implements Comparable<Money> {

    public static final Money ZERO = new Money(BigDecimal.ZERO);

    /** Amounts beyond a trillion pounds are certainly typing mistakes. */
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    /** How money is written: a plain decimal, e.g. {@code 18383000.00}, {@code -1200.5}, {@code 12}. */
    private static final Pattern PLAIN = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final int MAX_TEXT = 40;

    public Money {
        Objects.requireNonNull(amount, "amount");
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("not a whole number of pence: " + amount.toPlainString());
        }
        amount = amount.setScale(2);
    }

    /** Reads money a person gave for {@code field}; says which field was wrong when it cannot. */
    public static Money of(BigDecimal amount, String field) {
        if (amount == null) {
            throw new InvalidInputException(field, "must be given (pounds and pence, e.g. 1234.56)");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, "must have at most 2 decimal places (whole pence), was " + amount.toPlainString());
        }
        if (amount.abs().compareTo(LIMIT) >= 0) {
            throw new InvalidInputException(field, "must be less than 1,000,000,000,000 pounds");
        }
        return new Money(amount);
    }

    /**
     * Reads money as a client wrote it for {@code field} (the text of a JSON number or string): a
     * plain decimal of pounds and pence such as {@code 18383000.00}, {@code -1200.5} or {@code 12},
     * whole pence ({@link #of(BigDecimal, String)}). Anything else is refused naming the field, never
     * read as something it does not say: an exponent ({@code 1e3}), {@code Infinity}, {@code NaN},
     * spaces ({@code " 12"}), a sign {@code +}, a currency sign or a thousands separator
     * ({@code 12,000}, which could as well be twelve pounds).
     */
    public static Money parse(String text, String field) {
        if (text == null) {
            throw new InvalidInputException(field, "must be given (pounds and pence, e.g. 1234.56)");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "is too long to be an amount of pounds and pence (at most " + MAX_TEXT + " characters)");
        }
        if (!PLAIN.matcher(text).matches()) {
            String shown = text;
            throw new InvalidInputException(field, "must be a plain decimal amount of pounds and pence such as 1234.56 or -1200.50 "
                    + "(no exponent, spaces, currency sign or thousands separators), not '" + Text.flatten(shown) + "'");
        }
        return of(new BigDecimal(text), field);
    }

    /** An optional amount: null stays null. */
    public static Money ofNullable(BigDecimal amount, String field) {
        return amount == null ? null : of(amount, field);
    }

    public static Money of(String amount) {
        return new Money(new BigDecimal(amount));
    }

    public static Money ofPence(long pence) {
        return new Money(BigDecimal.valueOf(pence, 2));
    }

    public BigInteger pence() {
        return amount.movePointRight(2).toBigIntegerExact();
    }

    public Money plus(Money other) {
        return new Money(amount.add(other.amount));
    }

    public Money minus(Money other) {
        return new Money(amount.subtract(other.amount));
    }

    public Money negate() {
        return new Money(amount.negate());
    }

    public Money abs() {
        return new Money(amount.abs());
    }

    public int signum() {
        return amount.signum();
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        return amount.compareTo(other.amount);
    }

    /** Plain decimal with two places, e.g. {@code "-243922.00"}: how money leaves the service. */
    @Override
    public String toString() {
        return amount.toPlainString();
    }
}
