package org.waypoint.budget.line.domain;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/**
 * A monitoring period of a financial year: a month (M01 = April ... M12 = March) or a quarter
 * (Q1 = April-June ... Q4 = January-March). Written "2021/22 M06" or "2021/22 Q2".
 */
public record Period(FinancialYear year, Kind kind, int number) implements Comparable<Period> {

    public enum Kind { MONTH, QUARTER }

    private static final Pattern FULL = Pattern.compile("^(\\d{4}\\s*[-/]\\s*\\d{2,4})\\s+(.+)$");
    private static final Pattern MONTH = Pattern.compile("^(?:M|MONTH\\s*)(\\d{1,2})$");
    private static final Pattern QUARTER = Pattern.compile("^(?:Q|QUARTER\\s*)([1-4])$");

    public Period {
        int max = kind == Kind.MONTH ? 12 : 4;
        if (number < 1 || number > max) {
            throw new InvalidInputException("period", kind == Kind.MONTH ? "month must be M01 to M12" : "quarter must be Q1 to Q4");
        }
    }

    /**
     * Reads "Q2", "M06", "M6", "September" (within {@code year}) or "2021/22 Q2" (which must then be
     * {@code year}).
     */
    public static Period parse(String text, FinancialYear year) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("period", "must be given: a month (M01 = April ... M12 = March, or its name) or a quarter (Q1 ... Q4)");
        }
        Text.oneLine("period", text);
        String written = text.strip().toUpperCase(Locale.ROOT);
        Matcher full = FULL.matcher(written);
        if (full.matches()) {
            FinancialYear stated = FinancialYear.parse(full.group(1), "period");
            if (!stated.equals(year)) {
                throw new InvalidInputException("period", "is in " + stated + " but the budget line is for " + year);
            }
            written = full.group(2).strip();
        }
        Matcher month = MONTH.matcher(written);
        if (month.matches()) {
            return new Period(year, Kind.MONTH, Integer.parseInt(month.group(1)));
        }
        Matcher quarter = QUARTER.matcher(written);
        if (quarter.matches()) {
            return new Period(year, Kind.QUARTER, Integer.parseInt(quarter.group(1)));
        }
        for (Month m : Month.values()) {
            if (m.name().equals(written) || m.getDisplayName(TextStyle.SHORT, Locale.UK).toUpperCase(Locale.ROOT).equals(written)) {
                return new Period(year, Kind.MONTH, (m.getValue() + 8) % 12 + 1);
            }
        }
        throw new InvalidInputException("period", "'" + text.strip() + "' is not a period: use M01 (April) to M12 (March), a month name, or Q1 to Q4");
    }

    /** The last day of the period. */
    public LocalDate end() {
        int monthsIn = kind == Kind.MONTH ? number : number * 3;
        return year.start().plusMonths(monthsIn).minusDays(1);
    }

    /** How far through the year the period ends, in months (1-12). */
    public int monthsElapsed() {
        return kind == Kind.MONTH ? number : number * 3;
    }

    /** "M06" or "Q2". */
    public String code() {
        return kind == Kind.MONTH ? String.format("M%02d", number) : "Q" + number;
    }

    @Override
    public int compareTo(Period o) {
        int byEnd = end().compareTo(o.end());
        return byEnd != 0 ? byEnd : kind.compareTo(o.kind);
    }

    /** "2021/22 M06". */
    @Override
    public String toString() {
        return year + " " + code();
    }
}
