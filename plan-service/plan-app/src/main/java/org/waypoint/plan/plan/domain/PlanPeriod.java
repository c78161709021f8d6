package org.waypoint.plan.plan.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.waypoint.platform.validation.InvalidInputException;

/**
 * The financial years a plan covers: "2021/22" or "2021/22-2023/24" (also "2021/24", "2021-24").
 * Starts 1 April of the first year, ends 31 March after the last.
 */
public record PlanPeriod(int firstYear, int lastYear) {

    private static final Pattern ONE = Pattern.compile("^(\\d{4})/(\\d{2})$");
    private static final Pattern SPAN = Pattern.compile("^(\\d{4})/(\\d{2})\\s*[-\u2013]\\s*(\\d{4})/(\\d{2})$");
    private static final Pattern SHORT = Pattern.compile("^(\\d{4})\\s*[-/\u2013]\\s*(\\d{2}|\\d{4})$");

    public PlanPeriod {
        if (lastYear < firstYear || lastYear - firstYear > 10) {
            throw new InvalidInputException("period", "must cover 1 to 10 financial years");
        }
    }

    public static PlanPeriod parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("period", "must not be blank");
        }
        String t = text.strip();
        Matcher m = ONE.matcher(t);
        if (m.matches() && next(m.group(1), m.group(2))) {
            int y = Integer.parseInt(m.group(1));
            return new PlanPeriod(y, y);
        }
        m = SPAN.matcher(t);
        if (m.matches() && next(m.group(1), m.group(2)) && next(m.group(3), m.group(4))) {
            return new PlanPeriod(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)));
        }
        m = SHORT.matcher(t);
        if (m.matches()) {
            int from = Integer.parseInt(m.group(1));
            int to = Integer.parseInt(m.group(2));
            if (m.group(2).length() == 2) {
                to += (from / 100) * 100;
                if (to < from) {
                    to += 100;
                }
            }
            // "2021/24", "2021-24": the plan ends 31 March 2024, so its last financial year starts in 2023
            if (to > from) {
                return new PlanPeriod(from, to - 1);
            }
        }
        throw new InvalidInputException("period", "'" + t + "' is not a financial-year period: use 2021/22 or 2021/22-2023/24");
    }

    private static boolean next(String year, String twoDigits) {
        return (Integer.parseInt(year) + 1) % 100 == Integer.parseInt(twoDigits);
    }

    public LocalDate start() {
        return LocalDate.of(firstYear, 4, 1);
    }

    public LocalDate end() {
        return LocalDate.of(lastYear + 1, 3, 31);
    }

    @Override
    public String toString() {
        String first = firstYear + "/" + String.format("%02d", (firstYear + 1) % 100);
        return firstYear == lastYear ? first : first + "-" + lastYear + "/" + String.format("%02d", (lastYear + 1) % 100);
    }
}
