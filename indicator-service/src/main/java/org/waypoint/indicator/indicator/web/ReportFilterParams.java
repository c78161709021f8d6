package org.waypoint.indicator.indicator.web;

import org.waypoint.indicator.indicator.application.IndicatorQueries;
import org.waypoint.platform.web.QueryObject;

/**
 * The filters of the committee summary and the exception report: the scorecard's, but for status,
 * which these reports count or choose themselves. Bound from query parameters of the same names,
 * each optional, as {@link ScorecardFilterParams} is.
 */
@QueryObject
public record ReportFilterParams(String serviceArea, String theme, String owner, String period, String q) {

    /** The query filter; {@code period} is null (latest) when none was given. */
    public IndicatorQueries.Filter toFilter() {
        return ScorecardFilterParams.filter(serviceArea, theme, owner, null, period, q);
    }
}
