package org.waypoint.budget.line.application;

import java.math.BigDecimal;

import org.waypoint.budget.line.domain.FinancialYear;
import org.waypoint.budget.line.domain.MonitoringEntry;
import org.waypoint.budget.line.domain.Money;
import org.waypoint.budget.line.domain.Period;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * Record the monitoring of one period of a line. Validates itself: money must be whole pence.
 *
 * @param period "Q2", "M06", "September" or "2021/22 Q2"
 */
public record RecordMonitoring(String period, BigDecimal actualToDate, BigDecimal projectedOutturn, String commentary) {

    public static final int MAX_COMMENTARY = 4000;

    public RecordMonitoring {
        Money.of(actualToDate, "actualToDate");
        Money.of(projectedOutturn, "projectedOutturn");
        if (commentary != null && commentary.length() > MAX_COMMENTARY) {
            throw new InvalidInputException("commentary", "must be at most " + MAX_COMMENTARY + " characters");
        }
        if (period == null || period.isBlank()) {
            throw new InvalidInputException("period", "must be given: M01 (April) to M12 (March), a month name, or Q1 to Q4");
        }
        commentary = commentary == null || commentary.isBlank() ? null : commentary.strip();
    }

    MonitoringEntry entryFor(FinancialYear year, String by, java.time.Instant at) {
        return new MonitoringEntry(Period.parse(period, year), Money.of(actualToDate, "actualToDate"),
                Money.of(projectedOutturn, "projectedOutturn"), commentary, by, at);
    }
}
