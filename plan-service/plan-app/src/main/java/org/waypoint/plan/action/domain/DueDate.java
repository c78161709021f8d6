package org.waypoint.plan.action.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.waypoint.platform.validation.InvalidInputException;

/**
 * A due date as it was written in the plan and the date it was read as. Plans often give only a
 * year ("2022") or a range ("2021-24"): by the UK financial year, a bare year N is read as the
 * financial year starting in April N (due 31 March N+1), and a range A-B as the period ending
 * 31 March B. Exact dates ("2024-03-31", "31/03/2024") are read as they are.
 */
public record DueDate(LocalDate date, String asWritten) {

    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
    private static final Pattern RANGE = Pattern.compile("^(\\d{4})\\s*[-/\u2013]\\s*(\\d{2}|\\d{4})$");
    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu");

    public DueDate {
        Objects.requireNonNull(date, "date");
        asWritten = asWritten == null ? date.toString() : asWritten;
    }

    public static DueDate of(LocalDate date) {
        return new DueDate(date, date.toString());
    }

    /** Reads what a person typed; says which field was wrong when it cannot. */
    public static DueDate parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("due", "must not be blank");
        }
        String written = text.strip();
        Matcher year = YEAR.matcher(written);
        if (year.matches()) {
            return new DueDate(endOfFinancialYearStartingIn(Integer.parseInt(year.group(1))), written);
        }
        Matcher range = RANGE.matcher(written);
        if (range.matches()) {
            int from = Integer.parseInt(range.group(1));
            int to = Integer.parseInt(range.group(2));
            if (range.group(2).length() == 2) {
                to += (from / 100) * 100;
                if (to < from) {
                    to += 100;
                }
            }
            if (to < from) {
                throw new InvalidInputException("due", "range '" + written + "' ends before it starts");
            }
            return new DueDate(LocalDate.of(to, 3, 31), written);
        }
        try {
            return new DueDate(LocalDate.parse(written), written);
        } catch (DateTimeParseException notIso) {
            try {
                return new DueDate(LocalDate.parse(written, UK), written);
            } catch (DateTimeParseException notUk) {
                throw new InvalidInputException("due",
                        "'" + written + "' is not a date: use 2024-03-31, 31/03/2024, a year such as 2022 or a range such as 2021-24");
            }
        }
    }

    private static LocalDate endOfFinancialYearStartingIn(int year) {
        return LocalDate.of(year + 1, 3, 31);
    }

    public boolean isPassedOn(LocalDate today) {
        return today.isAfter(date);
    }
}
