package org.waypoint.budget.line.application;

import java.time.Instant;

import org.waypoint.budget.line.domain.FinancialYear;
import org.waypoint.budget.line.domain.MonitoringEntry;
import org.waypoint.budget.line.domain.Money;
import org.waypoint.budget.line.domain.Period;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/**
 * Record the monitoring of one period of a line. Validates itself: both amounts given (read by
 * {@link Money#parse}), the period one line of text, the commentary multi-line text of at most
 * {@value #MAX_COMMENTARY} characters without control characters other than line breaks and tabs.
 *
 * @param period "Q2", "M06", "September" or "2021/22 Q2"
 */
public record RecordMonitoring(String period, Money actualToDate, Money projectedOutturn, String commentary) {

    public static final int MAX_COMMENTARY = 4000;
    static final int MAX_PERIOD = 40;

    public RecordMonitoring {
        if (actualToDate == null) {
            throw new InvalidInputException("actualToDate", "must be given (pounds and pence, e.g. 1234.56)");
        }
        if (projectedOutturn == null) {
            throw new InvalidInputException("projectedOutturn", "must be given (pounds and pence, e.g. 1234.56)");
        }
        if (commentary != null && commentary.length() > MAX_COMMENTARY) {
            throw new InvalidInputException("commentary", "must be at most " + MAX_COMMENTARY + " characters");
        }
        Text.multiLine("commentary", commentary);
        if (period == null || period.isBlank()) {
            throw new InvalidInputException("period", "must be given: M01 (April) to M12 (March), a month name, or Q1 to Q4");
        }
        Text.oneLine("period", period);
        if (period.length() > MAX_PERIOD) {
            throw new InvalidInputException("period", "must be at most " + MAX_PERIOD + " characters, e.g. Q2, M06 or 2021/22 Q2");
        }
        commentary = commentary == null || commentary.isBlank() ? null : commentary.strip();
    }

    MonitoringEntry entryFor(FinancialYear year, String by, Instant at) {
        return new MonitoringEntry(Period.parse(period, year), actualToDate, projectedOutturn, commentary, by, at);
    }
}
