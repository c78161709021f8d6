package org.waypoint.indicator.indicator.web;

import org.waypoint.indicator.indicator.application.Scorecards;
import org.waypoint.indicator.indicator.domain.Definition;

/** One line of a scorecard: the indicator and its value, target, status and trend as at the reporting period. */
public record ScorecardRow(
        String id,
        String code,
        String name,
        String unit,
        String polarity,
        String frequency,
        String serviceArea,
        String theme,
        String owner,
        String benchmarkSource,
        String benchmarkValue,
        IndicatorResponse.PeriodResponse asAt) {

    static ScorecardRow of(Scorecards.Row row) {
        Definition d = row.indicator().definition();
        return new ScorecardRow(row.indicator().id().value(), d.code(), d.name(), d.unit().name(), d.polarity().name(),
                d.frequency().name(), d.serviceArea(), d.theme() == null ? null : d.theme().name(),
                d.owner() == null ? null : d.owner().name(),
                d.benchmark() == null ? null : d.benchmark().source(),
                d.benchmark() == null || d.benchmark().value() == null ? null : d.benchmark().value().asWritten(),
                IndicatorResponse.PeriodResponse.of(row.view()));
    }
}
