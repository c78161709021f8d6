package org.waypoint.indicator.indicator.web;

import java.util.ArrayList;
import java.util.List;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waypoint.indicator.indicator.application.IndicatorQueries;
import org.waypoint.indicator.indicator.application.Scorecards;
import org.waypoint.indicator.indicator.domain.Indicator;
import org.waypoint.indicator.indicator.domain.Period;
import org.waypoint.indicator.indicator.domain.PeriodView;
import org.waypoint.platform.web.Paging;

/** Measurements across indicators: {@code /api/measurements} (record one under {@code /api/indicators/{id}/measurements}). */
@RestController
@RequestMapping("/api/measurements")
public class MeasurementController {

    private final Scorecards scorecards;

    public MeasurementController(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    public record MeasurementRow(String indicatorId, String code, String name, String serviceArea,
                                 IndicatorResponse.PeriodResponse measurement) {
    }

    public record MeasurementPage(List<MeasurementRow> items, int page, int size, long total, String message) {
    }

    /** Recorded measurements, newest period first, optionally for one exact period ("2021/22 Q3"). */
    @GetMapping
    @PreAuthorize(org.waypoint.platform.security.Roles.CAN_READ)
    public MeasurementPage list(@ParameterObject MeasurementFilterParams filters,
                                @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size, IndicatorController.MAX_PAGE_SIZE);
        IndicatorQueries.Filter filter = filters.toFilter();
        Period exact = filters.exactPeriod();
        String code = filters.code();
        List<MeasurementRow> rows = new ArrayList<>();
        for (Scorecards.Row row : scorecards.rows(new IndicatorQueries.Filter(filter.serviceArea(), null, filter.owner(), null, null, null))) {
            Indicator i = row.indicator();
            if (code != null && !code.equals(i.definition().code())) {
                continue;
            }
            for (PeriodView v : scorecards.periods(i)) {
                if ((exact == null || exact.equals(v.period()))
                        && (filter.status() == null || v.assessment().status() == filter.status())) {
                    rows.add(new MeasurementRow(i.id().value(), i.definition().code(), i.definition().name(),
                            i.definition().serviceArea(), IndicatorResponse.PeriodResponse.of(v)));
                }
            }
        }
        rows.sort(java.util.Comparator.comparing((MeasurementRow r) -> r.measurement().periodEnd()).reversed()
                .thenComparing(MeasurementRow::code));
        int from = (int) Math.min((long) page * size, rows.size());
        int to = Math.min(from + size, rows.size());
        return new MeasurementPage(rows.subList(from, to), page, size, rows.size(),
                rows.isEmpty() ? "No measurements match these filters yet." : null);
    }
}
