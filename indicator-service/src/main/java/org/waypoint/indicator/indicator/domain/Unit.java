package org.waypoint.indicator.indicator.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.waypoint.platform.validation.InvalidInputException;

/** What an indicator counts in, and how a value written in that unit is read and checked. */
public enum Unit {
    /** 0-100, written "95%" or 95. */
    PERCENTAGE,
    /** A whole number of things, written "2,500" or 2500. */
    COUNT,
    /** Pounds, written "£165k", "£4,374.00" or 4374. */
    MONEY,
    /** A number of days, written "15.53 days" or 15.53. */
    DAYS,
    /** A split such as planned/unplanned "70/30"; its number is the first part's share in percent (70). */
    RATIO;

    /** The largest value (and tolerance) any indicator holds: a million million (pounds, days, things). */
    public static final BigDecimal MAX = new BigDecimal("1000000000000");
    /** The most decimal places a value may have. */
    public static final int MAX_DECIMALS = 6;

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern RATIO_TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*[/:]\\s*(\\d+(?:\\.\\d+)?)");

    /**
     * Reads a measured value written in this unit.
     *
     * @throws InvalidInputException naming {@code value} if the text is not a value of this unit
     */
    public MeasuredValue read(String text) {
        return read(text, "value");
    }

    /**
     * Reads the value of {@code field} ("value", "baseline", "benchmark.value"...), written in this unit.
     *
     * @throws InvalidInputException naming {@code field}, saying what a value of this unit looks like
     *                               and that the indicator is in this unit
     */
    public MeasuredValue read(String text, String field) {
        return read(text, field, " (the indicator is in " + name().toLowerCase() + ")");
    }

    /** As {@link #read(String, String)}, each refusal's message ending with {@code context}. */
    MeasuredValue read(String text, String field, String context) {
        return parse(text, new Reading(field, context));
    }

    /** Whose value is read: a refusal names {@code field} and ends with {@code context}. */
    private record Reading(String field, String context) {
        InvalidInputException refused(String message) {
            return new InvalidInputException(field, message + context);
        }
    }

    private MeasuredValue parse(String text, Reading reading) {
        if (text == null || text.isBlank()) {
            throw reading.refused("must not be blank");
        }
        String s = text.strip();
        MeasuredValue read = switch (this) {
            case PERCENTAGE -> {
                String n = s.endsWith("%") ? s.substring(0, s.length() - 1).strip() : s;
                rejectForeignSymbols(s, n.replace("%", ""), "a percentage such as 95%", reading);
                BigDecimal v = number(n, "a percentage such as 95%", reading);
                if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw reading.refused("must be a percentage between 0 and 100, was " + s);
                }
                yield new MeasuredValue(v, s);
            }
            case COUNT -> {
                BigDecimal v = number(s.replace(",", ""), "a whole number such as 2,500", reading);
                if (v.signum() < 0 || v.stripTrailingZeros().scale() > 0) {
                    throw reading.refused("must be a whole number of 0 or more, was " + s);
                }
                yield new MeasuredValue(v.setScale(0, RoundingMode.UNNECESSARY), s);
            }
            case MONEY -> {
                String n = s.startsWith("£") ? s.substring(1).strip() : s;
                BigDecimal factor = BigDecimal.ONE;
                if (n.toLowerCase().endsWith("k")) {
                    factor = BigDecimal.valueOf(1000);
                    n = n.substring(0, n.length() - 1);
                } else if (n.toLowerCase().endsWith("m")) {
                    factor = BigDecimal.valueOf(1_000_000);
                    n = n.substring(0, n.length() - 1);
                }
                BigDecimal v = number(n.replace(",", "").strip(), "an amount in pounds such as £4,374.00", reading).multiply(factor);
                if (v.stripTrailingZeros().scale() > 2) {
                    throw reading.refused("must be an amount in pounds and pence, was " + s);
                }
                yield new MeasuredValue(v, s);
            }
            case DAYS -> {
                String n = s.replaceFirst("(?i)\\s*days?$", "");
                BigDecimal v = number(n, "a number of days such as 15.5", reading);
                if (v.signum() < 0) {
                    throw reading.refused("must be 0 days or more, was " + s);
                }
                yield new MeasuredValue(v, s);
            }
            case RATIO -> {
                Matcher m = RATIO_TEXT.matcher(s);
                if (!m.matches()) {
                    throw reading.refused("must be a ratio such as 70/30, was " + s);
                }
                BigDecimal a = new BigDecimal(m.group(1));
                BigDecimal b = new BigDecimal(m.group(2));
                if (a.add(b).signum() == 0) {
                    throw reading.refused("must be a ratio with a non-zero total, was " + s);
                }
                BigDecimal share = a.multiply(BigDecimal.valueOf(100)).divide(a.add(b), 4, RoundingMode.HALF_UP).stripTrailingZeros();
                yield new MeasuredValue(share.scale() < 0 ? share.setScale(0) : share, s);
            }
        };
        BigDecimal n = read.number();
        if (n.abs().compareTo(MAX) > 0) {
            throw reading.refused("must be at most " + MAX.toPlainString() + " (and at least -" + MAX.toPlainString()
                    + "), was " + s);
        }
        if (n.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw reading.refused("must have at most " + MAX_DECIMALS + " decimal places, was " + s);
        }
        return read;
    }

    private static void rejectForeignSymbols(String original, String number, String expected, Reading reading) {
        if (number.contains("£") || number.toLowerCase().contains("day") || number.contains("/")) {
            throw reading.refused("must be " + expected + ", was " + original);
        }
    }

    private static BigDecimal number(String text, String expected, Reading reading) {
        String n = text.strip();
        if (!NUMBER.matcher(n).matches()) {
            throw reading.refused("must be " + expected + ", was " + text);
        }
        return new BigDecimal(n);
    }
}
