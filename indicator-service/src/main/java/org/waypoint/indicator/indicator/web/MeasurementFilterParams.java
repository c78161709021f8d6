package org.waypoint.indicator.indicator.web;

import org.waypoint.indicator.indicator.application.IndicatorQueries;
import org.waypoint.indicator.indicator.domain.Period;
import org.waypoint.platform.web.QueryObject;

/**
 * The filters of the measurements list, bound from query parameters of the same names, each
 * optional: one exact period ("2021/22 Q3"), the indicators' service area, owner and code, and the
 * measurement's status. Bound as {@link ScorecardFilterParams} is.
 */
@QueryObject
public record MeasurementFilterParams(String period, String serviceArea, String owner, String code, String status) {

    /** The indicators' service area and owner, and the status ({@code status} read as on the scorecard). */
    public IndicatorQueries.Filter toFilter() {
        return ScorecardFilterParams.filter(serviceArea, null, owner, status, null, null);
    }

    /** The one period asked for, or null for every period. */
    public Period exactPeriod() {
        return period == null || period.isBlank() ? null : Period.parse(period, "period");
    }
}
