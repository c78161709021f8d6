package org.waypoint.indicator.indicator.domain;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.waypoint.platform.validation.InvalidInputException;

/**
 * A reporting period of the UK financial year (1 April to 31 March): a year ("2021/22"), a half
 * ("2021/22 H1", April-September), a quarter ("2021/22 Q3", Q1 = April-June) or a month
 * ("January 2022"). {@link #label()} is the canonical text and the key periods are stored under.
 *
 * @param kind          what sort of period
 * @param financialYear the calendar year the financial year starts in (2021 for 2021/22)
 * @param number        the half (1-2), quarter (1-4) or month of the financial year (1 = April); 0 for a year
 */
public record Period(Kind kind, int financialYear, int number) implements Comparable<Period> {

    public enum Kind { YEAR, HALF, QUARTER, MONTH }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})\\s*[/-]\\s*(\\d{2}|\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4}\\s*[/-]\\s*\\d{2,4})\\s+Q([1-4])", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUARTER_FIRST = Pattern.compile("Q([1-4])\\s+(\\d{4}\\s*[/-]\\s*\\d{2,4})", Pattern.CASE_INSENSITIVE);
    private static final Pattern HALF = Pattern.compile("(\\d{4}\\s*[/-]\\s*\\d{2,4})\\s+H([12])", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_NAME = Pattern.compile("([A-Za-z]+)\\.?\\s+(\\d{4})");
    private static final Pattern MONTH_ISO = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2999;

    public Period {
        Objects.requireNonNull(kind, "kind");
        int max = switch (kind) {
            case YEAR -> 0;
            case HALF -> 2;
            case QUARTER -> 4;
            case MONTH -> 12;
        };
        if (kind == Kind.YEAR ? number != 0 : number < 1 || number > max) {
            throw new InvalidInputException("period", "No " + kind + " number " + number);
        }
        if (financialYear < FIRST_YEAR || financialYear > LAST_YEAR) {
            throw new InvalidInputException("period", outOfRange(financialYear));
        }
    }

    public static Period year(int financialYear) {
        return new Period(Kind.YEAR, financialYear, 0);
    }

    public static Period quarter(int financialYear, int quarter) {
        return new Period(Kind.QUARTER, financialYear, quarter);
    }

    public static Period half(int financialYear, int half) {
        return new Period(Kind.HALF, financialYear, half);
    }

    public static Period month(YearMonth month) {
        int fy = month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
        int number = month.getMonthValue() >= 4 ? month.getMonthValue() - 3 : month.getMonthValue() + 9;
        return new Period(Kind.MONTH, fy, number);
    }

    /**
     * Reads a period as councils write it: "2021/22", "2021-22", "2021/2022", "2021/22 Q3",
     * "Q3 2021/22", "2021/22 H1", "January 2022", "Jan 2022", "2022-01".
     *
     * @throws InvalidInputException naming {@code period}, with a message a person can act on
     */
    public static Period parse(String text) {
        return parse(text, "period");
    }

    /**
     * As {@link #parse(String)}, for the field {@code field} ("baselinePeriod", "targets.2021/22"...).
     *
     * @throws InvalidInputException naming {@code field}, with a message a person can act on
     */
    public static Period parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "must not be blank");
        }
        String s = text.strip().replaceAll("\\s+", " ");
        Matcher m;
        if ((m = QUARTER.matcher(s)).matches()) {
            return quarter(financialYear(m.group(1), text, field), Integer.parseInt(m.group(2)));
        }
        if ((m = QUARTER_FIRST.matcher(s)).matches()) {
            return quarter(financialYear(m.group(2), text, field), Integer.parseInt(m.group(1)));
        }
        if ((m = HALF.matcher(s)).matches()) {
            return half(financialYear(m.group(1), text, field), Integer.parseInt(m.group(2)));
        }
        if ((m = MONTH_ISO.matcher(s)).matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month >= 1 && month <= 12) {
                return month(YearMonth.of(Integer.parseInt(m.group(1)), month), field);
            }
        }
        if (YEAR.matcher(s).matches()) {
            return year(financialYear(s, text, field));
        }
        if ((m = MONTH_NAME.matcher(s)).matches()) {
            Month month = monthNamed(m.group(1));
            if (month != null) {
                return month(YearMonth.of(Integer.parseInt(m.group(2)), month), field);
            }
        }
        throw new InvalidInputException(field, "'" + text + "' is not a period: write a financial year (2021/22), a quarter "
                + "(2021/22 Q3), a half (2021/22 H1) or a month (January 2022)");
    }

    /** The month {@code month}, its financial year checked in range as {@code field}'s. */
    private static Period month(YearMonth month, String field) {
        int fy = month.getMonthValue() >= 4 ? month.getYear() : month.getYear() - 1;
        requireInRange(fy, field);
        return month(month);
    }

    private static void requireInRange(int financialYear, String field) {
        if (financialYear < FIRST_YEAR || financialYear > LAST_YEAR) {
            throw new InvalidInputException(field, outOfRange(financialYear));
        }
    }

    private static String outOfRange(int financialYear) {
        return "Financial year out of range: " + financialYear;
    }

    private static int financialYear(String yearText, String original, String field) {
        Matcher m = YEAR.matcher(yearText.strip());
        if (!m.matches()) {
            throw new InvalidInputException(field, "'" + original + "' does not name a financial year such as 2021/22");
        }
        int start = Integer.parseInt(m.group(1));
        String endText = m.group(2);
        int end = endText.length() == 2 ? (start / 100) * 100 + Integer.parseInt(endText) : Integer.parseInt(endText);
        if (endText.length() == 2 && end < start) {
            end += 100;
        }
        if (end != start + 1) {
            throw new InvalidInputException(field, "'" + original + "' is not a financial year: it must run from April of one "
                    + "year to March of the next (2021/22)");
        }
        requireInRange(start, field);
        return start;
    }

    private static Month monthNamed(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.length() < 3) {
            return null;
        }
        for (Month month : Month.values()) {
            String full = month.getDisplayName(TextStyle.FULL, Locale.UK).toLowerCase(Locale.ROOT);
            if (full.startsWith(n) || n.equals("sept") && month == Month.SEPTEMBER) {
                return month;
            }
        }
        return null;
    }

    /** The financial year's label, e.g. "2021/22". */
    public static String yearLabel(int financialYear) {
        return financialYear + "/" + String.format("%02d", (financialYear + 1) % 100);
    }

    /** The canonical text: "2021/22", "2021/22 H1", "2021/22 Q3", "January 2022". */
    public String label() {
        return switch (kind) {
            case YEAR -> yearLabel(financialYear);
            case HALF -> yearLabel(financialYear) + " H" + number;
            case QUARTER -> yearLabel(financialYear) + " Q" + number;
            case MONTH -> {
                YearMonth ym = yearMonth();
                yield ym.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + ym.getYear();
            }
        };
    }

    private YearMonth yearMonth() {
        int calendarMonth = (number + 2) % 12 + 1;
        return YearMonth.of(calendarMonth >= 4 ? financialYear : financialYear + 1, calendarMonth);
    }

    public LocalDate start() {
        return switch (kind) {
            case YEAR -> LocalDate.of(financialYear, 4, 1);
            case HALF -> LocalDate.of(financialYear, 4, 1).plusMonths(6L * (number - 1));
            case QUARTER -> LocalDate.of(financialYear, 4, 1).plusMonths(3L * (number - 1));
            case MONTH -> yearMonth().atDay(1);
        };
    }

    /** The last day of the period. */
    public LocalDate end() {
        return switch (kind) {
            case YEAR -> LocalDate.of(financialYear + 1, 3, 31);
            case HALF -> start().plusMonths(6).minusDays(1);
            case QUARTER -> start().plusMonths(3).minusDays(1);
            case MONTH -> yearMonth().atEndOfMonth();
        };
    }

    /** The period of the same kind just before this one. */
    public Period previous() {
        return switch (kind) {
            case YEAR -> year(financialYear - 1);
            case HALF -> number == 1 ? half(financialYear - 1, 2) : half(financialYear, 1);
            case QUARTER -> number == 1 ? quarter(financialYear - 1, 4) : quarter(financialYear, number - 1);
            case MONTH -> month(yearMonth().minusMonths(1));
        };
    }

    /** The period of the same kind that contains {@code date}. */
    public static Period containing(Kind kind, LocalDate date) {
        Period month = month(YearMonth.from(date));
        return switch (kind) {
            case YEAR -> year(month.financialYear);
            case HALF -> half(month.financialYear, month.number <= 6 ? 1 : 2);
            case QUARTER -> quarter(month.financialYear, (month.number - 1) / 3 + 1);
            case MONTH -> month;
        };
    }

    @Override
    public int compareTo(Period other) {
        int byStart = start().compareTo(other.start());
        return byStart != 0 ? byStart : other.end().compareTo(end());
    }

    @Override
    public String toString() {
        return label();
    }
}
