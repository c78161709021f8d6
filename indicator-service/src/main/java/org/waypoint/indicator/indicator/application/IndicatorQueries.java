package org.waypoint.indicator.indicator.application;

import java.util.List;
import java.util.Map;

import org.waypoint.indicator.indicator.domain.Indicator;
import org.waypoint.indicator.indicator.domain.IndicatorId;
import org.waypoint.indicator.indicator.domain.Period;
import org.waypoint.indicator.indicator.domain.Status;
import org.waypoint.indicator.indicator.domain.Theme;

/** Reading indicators for scorecards and committee reports. */
public interface IndicatorQueries {

    /**
     * Filters; {@code null} means "any". {@code period} is the reporting period: each indicator is
     * shown as at its end (its latest measured period that ends by then).
     */
    record Filter(String serviceArea, Theme theme, String owner, Status status, Period period, String text) {
        public Filter withoutStatus() {
            return new Filter(serviceArea, theme, owner, null, period, text);
        }
    }

    /** Indicators matching every filter but status (status is derived; the caller applies it). */
    List<Indicator> matching(Filter filter, int max);

    /** Status counts over the filter, from the statuses derived at each save; plus how many reds lack commentary. */
    record Counts(Map<Status, Long> byStatus, long redWithoutCommentary) {
    }

    Counts count(Filter filter);

    /** One page of indicators: their ids in order, and how many match in all. */
    record PageOfIds(List<IndicatorId> ids, long total) {
    }

    /**
     * One page of the indicators matching every filter, status included (as at the filter's
     * period, from the statuses derived at each save, as {@link #count} counts them), sorted by
     * {@code sort} (code, name, status or serviceArea; then id).
     */
    PageOfIds page(Filter filter, String sort, boolean ascending, int page, int size);

    /** These indicators, in this order (any no longer stored left out). */
    List<Indicator> all(List<IndicatorId> ids);
}
