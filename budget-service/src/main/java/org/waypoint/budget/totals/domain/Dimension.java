package org.waypoint.budget.totals.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.waypoint.budget.line.domain.LineDetails;
import org.waypoint.platform.validation.InvalidInputException;

/** A dimension budget lines can be totalled along. */
public enum Dimension {
    YEAR("year", d -> d.financialYear().toString()),
    ORGANISATION("organisation", LineDetails::organisation),
    SERVICE_AREA("serviceArea", LineDetails::serviceArea),
    DIVISION("division", LineDetails::division),
    FUNDING_SOURCE("fundingSource", LineDetails::fundingSource),
    TYPE("type", d -> d.type().name()),
    PROJECT("project", LineDetails::project),
    CATEGORY("category", d -> d.category() == null ? null : d.category().name()),
    /** EXPENDITURE, INCOME or NET (a line without a subjective category). */
    KIND("kind", d -> d.category() == null ? "NET" : d.category().isIncome() ? "INCOME" : "EXPENDITURE"),
    HOLDER("holder", d -> d.holder() == null ? null : d.holder().username() != null ? d.holder().username() : d.holder().name());

    private final String apiName;
    private final Function<LineDetails, String> value;

    Dimension(String apiName, Function<LineDetails, String> value) {
        this.apiName = apiName;
        this.value = value;
    }

    public String apiName() {
        return apiName;
    }

    public String valueOf(LineDetails details) {
        return value.apply(details);
    }

    public static Dimension parse(String name, String field) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(d -> d.apiName.toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "'" + name.strip() + "' is not a dimension: use "
                        + Arrays.stream(values()).map(Dimension::apiName).collect(Collectors.joining(", "))));
    }
}
