package org.waypoint.budget.line.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/**
 * A UK public-sector financial year: 1 April to 31 March, written "2021/22". Also reads the other
 * spellings councils use ("2021-22", "2021/2022", "2021-2022").
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    private static final Pattern YEAR = Pattern.compile("^(\\d{4})\\s*[-/\u2013]\\s*(\\d{2}|\\d{4})$");

    public FinancialYear {
        if (startYear < 1990 || startYear > 2100) {
            throw new InvalidInputException("financialYear", "must be between 1990/91 and 2100/01");
        }
    }

    public static FinancialYear parse(String text) {
        return parse(text, "financialYear");
    }

    public static FinancialYear parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, "must be given, e.g. 2021/22");
        }
        Text.oneLine(field, text);
        if (text.length() > 40) {
            throw new InvalidInputException(field, "is not a financial year: write it as 2021/22");
        }
        Matcher m = YEAR.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidInputException(field, "'" + text.strip() + "' is not a financial year: write it as 2021/22");
        }
        int start = Integer.parseInt(m.group(1));
        int end = Integer.parseInt(m.group(2));
        int expectedEnd = m.group(2).length() == 2 ? (start + 1) % 100 : start + 1;
        if (end != expectedEnd) {
            throw new InvalidInputException(field, "'" + text.strip() + "' is not a financial year: the two years must follow each other, e.g. 2021/22");
        }
        return new FinancialYear(start);
    }

    /** The financial year a date falls in. */
    public static FinancialYear containing(LocalDate date) {
        return new FinancialYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
    }

    public LocalDate start() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate end() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    @Override
    public int compareTo(FinancialYear o) {
        return Integer.compare(startYear, o.startYear);
    }

    /** "2021/22". */
    @Override
    public String toString() {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }
}
