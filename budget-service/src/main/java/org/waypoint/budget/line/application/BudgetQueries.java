package org.waypoint.budget.line.application;

import java.util.List;
import java.util.Optional;

import org.waypoint.budget.line.domain.BudgetLine;
import org.waypoint.budget.line.domain.BudgetLineId;
import org.waypoint.budget.line.domain.BudgetType;
import org.waypoint.budget.line.domain.SubjectiveCategory;

/** Reading budget lines: one, or every line matching a filter (withdrawn lines left out). */
public interface BudgetQueries {

    /** Filters; {@code null} means "any". */
    record Filter(String financialYear, String organisation, String serviceArea, String division, String fundingSource,
                  BudgetType type, String project, SubjectiveCategory category, String holder, String text) {

        public static Filter any() {
            return new Filter(null, null, null, null, null, null, null, null, null, null);
        }
    }

    Optional<BudgetLine> find(BudgetLineId id);

    /** Every active line matching the filter, up to {@code limit}. */
    List<BudgetLine> matching(Filter filter, int limit);

    long count();
}
