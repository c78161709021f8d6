package org.waypoint.indicator.indicator.web;

import java.util.Arrays;
import java.util.Locale;

import org.waypoint.indicator.indicator.application.IndicatorQueries;
import org.waypoint.indicator.indicator.domain.Period;
import org.waypoint.indicator.indicator.domain.Status;
import org.waypoint.indicator.indicator.domain.Theme;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.web.QueryObject;

/**
 * The filters of the scorecard and of the definitions export, bound from query parameters of the
 * same names ({@code ?serviceArea=...&status=amber&period=2021/22 Q3}); each is optional. Theme and
 * status are read as people write them ("amber", "Process"), the period as {@link Period#parse}
 * reads it; what cannot be read is a 400 naming the parameter. Bound as {@code @ParameterObject}, so
 * the API description lists each one; {@link org.waypoint.platform.web.QueryObjectBinding} keeps the
 * binding to the query.
 */
@QueryObject
public record ScorecardFilterParams(String serviceArea, String theme, String owner, String status, String period, String q) {

    /** The query filter; {@code period} is null (latest) when none was given. */
    public IndicatorQueries.Filter toFilter() {
        return filter(serviceArea, theme, owner, status, period, q);
    }

    /** The query filter of these parameters, each blank one meaning "any". */
    static IndicatorQueries.Filter filter(String serviceArea, String theme, String owner, String status, String period,
                                          String q) {
        return new IndicatorQueries.Filter(blankToNull(serviceArea), parseEnum(Theme.class, theme, "theme"),
                blankToNull(owner), parseEnum(Status.class, status, "status"), parsePeriod(period), blankToNull(q));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new InvalidInputException(field, "must be one of " + Arrays.toString(type.getEnumConstants())));
    }

    private static Period parsePeriod(String value) {
        return value == null || value.isBlank() ? null : Period.parse(value, "period");
    }
}
