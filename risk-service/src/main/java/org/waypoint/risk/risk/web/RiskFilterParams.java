package org.waypoint.risk.risk.web;

import org.waypoint.risk.register.domain.Band;
import org.waypoint.risk.risk.application.RiskQueries;
import org.waypoint.risk.risk.domain.RiskStatus;
import org.waypoint.platform.web.QueryObject;

/**
 * The filters that the risks list, the heat map and the exports share, bound from query parameters
 * of the same names ({@code ?band=HIGH&aboveAppetite=true...}); each is optional. The register is
 * not among them: a query parameter {@code registerId} on the list, heat map and export, the path
 * on a register's export. Bound as {@code @ParameterObject}, so the API description lists each one;
 * {@link org.waypoint.platform.web.QueryObjectBinding} keeps the binding to the query and names a value of the wrong type or
 * format like a {@code @RequestParam} would.
 */
@QueryObject
public record RiskFilterParams(String serviceArea, String category, String owner, String band, Boolean aboveAppetite,
                               Boolean reviewOverdue, RiskStatus status, String q) {

    /** The query filter within the register {@code registerId} (null or blank for any); checks the band's spelling. */
    public RiskQueries.Filter toFilter(String registerId) {
        return new RiskQueries.Filter(blankToNull(registerId), blankToNull(serviceArea), blankToNull(category),
                blankToNull(owner), band == null || band.isBlank() ? null : Band.parse(band, "band"),
                aboveAppetite, reviewOverdue, status, blankToNull(q));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
