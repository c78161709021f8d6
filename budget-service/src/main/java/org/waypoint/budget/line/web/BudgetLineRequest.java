package org.waypoint.budget.line.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.waypoint.budget.line.domain.BudgetType;
import org.waypoint.budget.line.domain.FinancialYear;
import org.waypoint.budget.line.domain.Holder;
import org.waypoint.budget.line.domain.LineDetails;
import org.waypoint.budget.line.domain.SubjectiveCategory;

/**
 * The JSON body of {@code POST /api/budgets/lines} and {@code PUT /api/budgets/lines/{id}}.
 * Money is pounds and pence as a plain decimal JSON number or string ({@code 18383000},
 * {@code "243922.50"}; see {@link MoneyText}); income is negative. The service area comes from the division. Unknown fields are rejected.
 */
public record BudgetLineRequest(
        @Size(max = 20) String financialYear,
        @Size(max = LineDetails.MAX_NAME) String organisation,
        @Size(max = LineDetails.MAX_NAME) String division,
        @Size(max = LineDetails.MAX_NAME) String fundingSource,
        BudgetType type,
        @Size(max = LineDetails.MAX_NAME) String project,
        SubjectiveCategory category,
        @Size(max = LineDetails.MAX_DESCRIPTION) String description,
        MoneyText amount,
        @Valid HolderRequest holder) {

    public record HolderRequest(@Size(max = 200) String name, @Size(max = 100) String username, @Size(max = 254) String email) {
    }

    LineDetails toDetails() {
        return new LineDetails(FinancialYear.parse(financialYear), organisation, null, division, fundingSource,
                type == null ? BudgetType.REVENUE : type, project, category, description, MoneyText.money(amount, "amount"),
                holder == null || (holder.name() == null && holder.username() == null) ? null
                        : new Holder(holder.name() == null ? holder.username() : holder.name(), holder.username(), holder.email()));
    }
}
