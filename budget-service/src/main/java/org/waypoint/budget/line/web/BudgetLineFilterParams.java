package org.waypoint.budget.line.web;

import org.waypoint.budget.line.application.BudgetQueries;
import org.waypoint.budget.line.domain.BudgetType;
import org.waypoint.budget.line.domain.FinancialYear;
import org.waypoint.budget.line.domain.SubjectiveCategory;
import org.waypoint.platform.web.QueryObject;

/**
 * The filters that the lines list, the lines export, totals, shares and their exports share, bound
 * from query parameters of the same names ({@code ?year=2021/22&division=...}); each is optional.
 * Bound as {@code @ParameterObject}, so the API description lists each one; {@link org.waypoint.platform.web.QueryObjectBinding}
 * keeps the binding to the query and names a value of the wrong type or format like a
 * {@code @RequestParam} would.
 */
@QueryObject
public record BudgetLineFilterParams(String year, String organisation, String serviceArea, String division,
                                     String fundingSource, BudgetType type, String project, SubjectiveCategory category,
                                     String holder) {

    /** The query filter, with the free text {@code q} (null for none); checks the year's spelling. */
    public BudgetQueries.Filter toFilter(String q) {
        return new BudgetQueries.Filter(year == null ? null : FinancialYear.parse(year, "year").toString(), blank(organisation),
                blank(serviceArea), blank(division), blank(fundingSource), type, blank(project), category, blank(holder), blank(q));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
