package org.waypoint.budget.line.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/**
 * What a budget line says: the year, where the money sits (organisation, service area, division),
 * where it comes from (funding source), revenue or capital (capital by project), what it is for
 * (subjective category, or none for a net budget), the amount and who holds it. Validates itself:
 * names are one line of text ({@link Text#oneLine}: no control characters, no line breaks), the
 * description multi-line text ({@link Text#multiLine}). The service area is null only until the
 * line is placed in its division's (every stored line has one).
 */
public record LineDetails(FinancialYear financialYear, String organisation, String serviceArea, String division,
                          String fundingSource, BudgetType type, String project, SubjectiveCategory category,
                          String description, Money amount, Holder holder) {

    public static final int MAX_NAME = 200;
    public static final int MAX_DESCRIPTION = 2000;

    public LineDetails {
        require(financialYear != null, "financialYear", "must be given, e.g. 2021/22");
        organisation = name(organisation, "organisation", true);
        serviceArea = name(serviceArea, "serviceArea", false);
        division = name(division, "division", true);
        fundingSource = name(fundingSource, "fundingSource", true);
        require(type != null, "type", "must be REVENUE or CAPITAL");
        project = name(project, "project", false);
        require(type != BudgetType.CAPITAL || project != null, "project", "must be given for a capital line (capital is budgeted by project)");
        require(type != BudgetType.REVENUE || project == null, "project", "is only for capital lines");
        Text.multiLine("description", description);
        require(description == null || description.length() <= MAX_DESCRIPTION, "description",
                "must be at most " + MAX_DESCRIPTION + " characters");
        description = description == null || description.isBlank() ? null : description.strip();
        require(amount != null, "amount", "must be given (pounds and pence, e.g. 1234.56)");
        if (category != null && category.isIncome()) {
            require(amount.signum() <= 0, "amount", "must be zero or negative for income (" + category.label()
                    + "): income is entered as a negative amount");
        } else {
            require(amount.signum() >= 0, "amount", "must not be negative for "
                    + (category == null ? "a net budget" : category.label()) + ": only income categories are negative");
        }
    }

    private static String name(String value, String field, boolean required) {
        Text.oneLine(field, value);
        if (value == null || value.isBlank()) {
            require(!required, field, "must not be blank");
            return null;
        }
        require(value.length() <= MAX_NAME, field, "must be at most " + MAX_NAME + " characters");
        return value.strip();
    }

    private static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidInputException(field, message);
        }
    }

    /** The same details with another amount. */
    public LineDetails withAmount(Money newAmount) {
        return new LineDetails(financialYear, organisation, serviceArea, division, fundingSource, type, project, category,
                description, newAmount, holder);
    }

    /** Field by field, as text, for history and events. */
    public Map<String, String> asText() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("financialYear", financialYear.toString());
        fields.put("organisation", organisation);
        fields.put("serviceArea", serviceArea);
        fields.put("division", division);
        fields.put("fundingSource", fundingSource);
        fields.put("type", type.name());
        fields.put("project", project);
        fields.put("category", category == null ? null : category.name());
        fields.put("description", description);
        fields.put("amount", amount.toString());
        fields.put("holder.name", holder == null ? null : holder.name());
        fields.put("holder.username", holder == null ? null : holder.username());
        fields.put("holder.email", holder == null ? null : holder.email());
        return fields;
    }

    /** What differs from {@code before}. */
    public List<HistoryEntry.Change> changesSince(LineDetails before) {
        List<HistoryEntry.Change> changes = new ArrayList<>();
        Map<String, String> old = before.asText();
        asText().forEach((field, value) -> {
            if (!Objects.equals(old.get(field), value)) {
                changes.add(new HistoryEntry.Change(field, old.get(field), value));
            }
        });
        return changes;
    }
}
