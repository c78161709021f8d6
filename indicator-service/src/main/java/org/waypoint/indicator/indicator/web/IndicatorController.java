package org.waypoint.indicator.indicator.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waypoint.indicator.indicator.application.DetectingMissingMeasurements;
import org.waypoint.indicator.indicator.application.IndicatorQueries;
import org.waypoint.indicator.indicator.application.ManagingIndicators;
import org.waypoint.indicator.indicator.application.Scorecards;
import org.waypoint.indicator.indicator.domain.Indicator;
import org.waypoint.indicator.indicator.domain.IndicatorId;
import org.waypoint.indicator.indicator.domain.Status;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.web.ETags;
import org.waypoint.platform.web.Paging;

/** Indicators, their measurements, scorecards and committee summaries: {@code /api/indicators}. */
@RestController
@RequestMapping("/api/indicators")
public class IndicatorController {

    static final int MAX_PAGE_SIZE = 200;
    private static final String IF_MATCH = "The indicator's ETag as read: 428 without it, 412 when it changed since";

    private final ManagingIndicators managing;
    private final Scorecards scorecards;
    private final DetectingMissingMeasurements missing;

    public IndicatorController(ManagingIndicators managing, Scorecards scorecards, DetectingMissingMeasurements missing) {
        this.managing = managing;
        this.scorecards = scorecards;
        this.missing = missing;
    }

    public record ScorecardPage(List<ScorecardRow> items, String period, int page, int size, long total, long totalPages,
                                String message) {
    }

    public record StatusCount(String status, String label, long count, int percent) {
    }

    /** A committee summary; {@code message} explains an empty selection. */
    public record SummaryResponse(String period, long total, List<StatusCount> statuses, long redWithoutCommentary,
                                  String message) {
    }

    public record ExceptionReport(String period, long total, List<ScorecardRow> items) {
    }

    @PostMapping
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<IndicatorResponse> define(@Valid @RequestBody IndicatorRequest request, Authentication auth) {
        Indicator indicator = managing.define(request.toInput(), Caller.of(auth));
        return ResponseEntity.created(URI.create("/api/indicators/" + indicator.id())).eTag(ETags.of(indicator.version()))
                .body(response(indicator));
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<IndicatorResponse> get(@PathVariable String id) {
        Indicator indicator = scorecards.get(new IndicatorId(id));
        return ResponseEntity.ok().eTag(ETags.of(indicator.version())).body(response(indicator));
    }

    /** Replaces the definition; needs {@code If-Match} with the ETag read (428 without, 412 when stale). */
    @PutMapping("/{id}")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<IndicatorResponse> change(@PathVariable String id,
                                                    @Parameter(required = true, description = IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                    @Valid @RequestBody IndicatorRequest request, Authentication auth) {
        Indicator indicator = managing.change(new IndicatorId(id), ETags.required(ifMatch), request.toInput(), Caller.of(auth));
        return ResponseEntity.ok().eTag(ETags.of(indicator.version())).body(response(indicator));
    }

    /**
     * Records a period's value (or that it is not yet available), first recording or revision alike:
     * needs {@code If-Match} with the indicator's ETag (428 without, 412 when stale). The period must
     * have begun.
     */
    @PostMapping("/{id}/measurements")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<IndicatorResponse> record(@PathVariable String id,
                                                    @Parameter(required = true, description = IF_MATCH) @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                    @Valid @RequestBody MeasurementRequest request, Authentication auth) {
        Indicator indicator = managing.record(new IndicatorId(id), ETags.required(ifMatch), request.toCommand(), Caller.of(auth));
        return ResponseEntity.ok().eTag(ETags.of(indicator.version())).body(response(indicator));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize(Roles.CAN_READ)
    public List<Scorecards.HistoryEntry> history(@PathVariable String id) {
        return scorecards.history(new IndicatorId(id));
    }

    /** The scorecard: each indicator's value, target, status and trend as at {@code period} (default: latest). */
    @GetMapping
    @PreAuthorize(Roles.CAN_READ)
    public ScorecardPage list(@ParameterObject ScorecardFilterParams filters,
                              @RequestParam(defaultValue = "0") int page,
                              @RequestParam(defaultValue = "20") int size,
                              @RequestParam(defaultValue = "code,asc") String sort) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        String[] sortParts = sort.split(",");
        String field = sortParts[0].strip().toLowerCase(Locale.ROOT);
        if (!List.of("code", "name", "status", "servicearea").contains(field)) {
            throw new InvalidInputException("sort", "can sort by code, name, status or serviceArea");
        }
        boolean ascending = sortParts.length < 2 || !"desc".equalsIgnoreCase(sortParts[1].strip());
        IndicatorQueries.Filter filter = filters.toFilter();
        Scorecards.Page result = scorecards.list(filter, page, size, field, ascending);
        String message = result.total() == 0 ? "No indicators match these filters yet." : null;
        return new ScorecardPage(result.items().stream().map(ScorecardRow::of).toList(), filters.period() == null ? null : filter.period().label(),
                page, size, result.total(), (result.total() + size - 1) / size, message);
    }

    /** The committee summary: counts and whole-number percentages (adding to 100) per status. */
    @GetMapping("/summary")
    @PreAuthorize(Roles.CAN_READ)
    public SummaryResponse summary(@ParameterObject ReportFilterParams filters) {
        IndicatorQueries.Filter filter = filters.toFilter();
        Scorecards.Summary summary = scorecards.summary(filter);
        var s = summary.statuses();
        List<StatusCount> counts = java.util.Arrays.stream(Status.values())
                .map(st -> new StatusCount(st.name(), st.label(), s.counts().get(st), s.percentages().get(st))).toList();
        return new SummaryResponse(filter.period() == null ? null : filter.period().label(), s.total(), counts,
                summary.redWithoutCommentary(), s.total() == 0 ? "No indicators match these filters yet." : null);
    }

    /** The exception report: red indicators with their remedial-action commentary; those lacking it first. */
    @GetMapping("/exceptions")
    @PreAuthorize(Roles.CAN_READ)
    public ExceptionReport exceptions(@ParameterObject ReportFilterParams filters) {
        IndicatorQueries.Filter filter = filters.toFilter();
        List<ScorecardRow> rows = scorecards.exceptions(filter).stream().map(ScorecardRow::of).toList();
        return new ExceptionReport(filter.period() == null ? null : filter.period().label(), rows.size(), rows);
    }

    /** Runs the missing-measurement check now (it also runs on a schedule). */
    @PostMapping("/missing-check")
    @PreAuthorize("hasAnyRole('manager','performance-officer','admin')")
    public Map<String, Integer> missingCheck() {
        return Map.of("announcedMissing", missing.detect());
    }

    /** Judges every indicator again under the current organisation settings (after the default tolerance changed). */
    @PostMapping("/reassess")
    @PreAuthorize("hasAnyRole('performance-officer','admin')")
    public Map<String, Integer> reassess() {
        return Map.of("reassessed", missing.reassessAll());
    }

    private IndicatorResponse response(Indicator indicator) {
        return IndicatorResponse.of(indicator, scorecards.current(indicator), scorecards.periods(indicator),
                scorecards.organisationDefault());
    }
}
