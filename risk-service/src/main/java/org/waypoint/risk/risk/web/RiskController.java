package org.waypoint.risk.risk.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springdoc.core.annotations.ParameterObject;
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
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.web.ETags;
import org.waypoint.platform.errors.NotFoundException;
import org.waypoint.platform.web.Paging;
import org.waypoint.risk.register.domain.Rating;
import org.waypoint.risk.risk.application.CheckingRisks;
import org.waypoint.risk.risk.application.ManagingRisks;
import org.waypoint.risk.risk.application.RiskQueries;
import org.waypoint.risk.risk.domain.HeatMap;
import org.waypoint.risk.risk.domain.Risk;
import org.waypoint.risk.risk.domain.Which;
import org.waypoint.risk.risk.web.RiskRequests.AssessRequest;
import org.waypoint.risk.risk.web.RiskRequests.ChangeRiskRequest;
import org.waypoint.risk.risk.web.RiskRequests.CloseRequest;
import org.waypoint.risk.risk.web.RiskRequests.MitigationRequest;
import org.waypoint.risk.risk.web.RiskRequests.RaiseRiskRequest;
import org.waypoint.risk.risk.web.RiskRequests.ReviewRequest;

/**
 * Risks: {@code /api/risks}. Reading for every signed-in role; changing for the risk's owner, a
 * manager of its service area, a performance officer or an admin. Every change to an existing
 * risk needs the ETag it was read with as If-Match (missing: 428; stale: 412).
 */
@RestController
@RequestMapping("/api/risks")
public class RiskController {

    static final int MAX_PAGE_SIZE = 200;
    /** The fields a list (or an export) can be sorted by. */
    public static final List<String> SORTS = List.of("code", "score", "title", "review", "created", "category");

    private final ManagingRisks managing;
    private final CheckingRisks checking;
    private final RiskQueries queries;
    private final Clock clock;

    public RiskController(ManagingRisks managing, CheckingRisks checking, RiskQueries queries, Clock clock) {
        this.managing = managing;
        this.checking = checking;
        this.queries = queries;
        this.clock = clock;
    }

    /** One page of risks; {@code total} counts every match. */
    public record RiskPage(List<RiskResponse> items, int page, int size, long total, long totalPages) {
    }

    /** A 5x5 heat map: {@code counts[likelihood-1][impact-1]}; the cells plus {@code withoutAssessment} add up to {@code total}. */
    public record HeatMapResponse(String assessment, List<List<Integer>> counts, int total, int withoutAssessment) {
    }

    @PostMapping
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<RiskResponse> raise(@Valid @RequestBody RaiseRiskRequest request, Authentication auth) {
        Risk risk = managing.raise(request.toCommand(), Caller.of(auth));
        return ResponseEntity.created(URI.create("/api/risks/" + risk.id())).eTag(ETags.of(risk.version()))
                .body(RiskResponse.of(risk, today()));
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<RiskResponse> get(@PathVariable String id) {
        Risk risk = find(id);
        return ResponseEntity.ok().eTag(ETags.of(risk.version())).body(RiskResponse.of(risk, today()));
    }

    @GetMapping
    @PreAuthorize(Roles.CAN_READ)
    public RiskPage list(@RequestParam(required = false) String registerId,
                         @ParameterObject RiskFilterParams filter,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "20") int size,
                         @RequestParam(defaultValue = "code,asc") String sort) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        Sorting sorting = Sorting.parse(sort);
        String field = sorting.field();
        boolean ascending = sorting.ascending();
        var result = queries.list(filter.toFilter(registerId), page, size, field, ascending);
        LocalDate today = today();
        return new RiskPage(result.items().stream().map(r -> RiskResponse.of(r, today)).toList(), page, size,
                result.total(), (result.total() + size - 1) / size);
    }

    @GetMapping("/heat-map")
    @PreAuthorize(Roles.CAN_READ)
    public HeatMapResponse heatMap(@RequestParam(required = false) String registerId,
                                   @ParameterObject RiskFilterParams filter,
                                   @RequestParam(defaultValue = "CURRENT") String assessment) {
        Which which = Which.parse(assessment, "assessment");
        HeatMap map = HeatMap.of(queries.matching(filter.toFilter(registerId)), which);
        return new HeatMapResponse(which.name(), map.counts(), map.total(), map.withoutAssessment());
    }

    @PutMapping("/{id}")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<RiskResponse> change(@PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody ChangeRiskRequest request, Authentication auth) {
        long version = ETags.required(ifMatch);
        return answer(managing.changeDetails(id, version, request.toDetails(), Caller.of(auth)));
    }

    @GetMapping("/{id}/assessments")
    @PreAuthorize(Roles.CAN_READ)
    public List<RiskResponse.HistoryResponse> assessments(@PathVariable String id) {
        return find(id).history().stream().filter(h -> h.assessment() != null).map(RiskResponse.HistoryResponse::of).toList();
    }

    @PostMapping("/{id}/assessments")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<RiskResponse> assess(@PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody AssessRequest request, Authentication auth) {
        long version = ETags.required(ifMatch);
        Which which = Which.parse(request.assessment(), "assessment");
        return answer(managing.assess(id, version, which, Rating.of(request.likelihood(), request.impact(), ""),
                request.justification(), Caller.of(auth)));
    }

    @PostMapping("/{id}/reviews")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<RiskResponse> review(@PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody ReviewRequest request, Authentication auth) {
        long version = ETags.required(ifMatch);
        Rating rating = null;
        if (request.likelihood() != null || request.impact() != null) {
            rating = Rating.of(request.likelihood(), request.impact(), "");
        }
        return answer(managing.review(id, version, rating, request.justification(), request.nextReviewDue(), Caller.of(auth)));
    }

    @GetMapping("/{id}/mitigations")
    @PreAuthorize(Roles.CAN_READ)
    public List<RiskResponse.MitigationResponse> mitigations(@PathVariable String id) {
        LocalDate today = today();
        return find(id).mitigations().stream().map(m -> RiskResponse.MitigationResponse.of(m, today)).toList();
    }

    @PostMapping("/{id}/mitigations")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<RiskResponse> addMitigation(@PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                      @Valid @RequestBody MitigationRequest request, Authentication auth) {
        long version = ETags.required(ifMatch);
        Risk risk = managing.addMitigation(id, version, request.toNew(), Caller.of(auth));
        return ResponseEntity.status(201).eTag(ETags.of(risk.version())).body(RiskResponse.of(risk, today()));
    }

    @PutMapping("/{id}/mitigations/{mitigationId}")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<RiskResponse> changeMitigation(@PathVariable String id, @PathVariable String mitigationId,
                                                         @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                         @Valid @RequestBody MitigationRequest request, Authentication auth) {
        long version = ETags.required(ifMatch);
        return answer(managing.changeMitigation(id, mitigationId, version, request.toNew(), Caller.of(auth)));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<RiskResponse> close(@PathVariable String id, @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                              @Valid @RequestBody CloseRequest request, Authentication auth) {
        long version = ETags.required(ifMatch);
        return answer(managing.close(id, version, request.reason(), Caller.of(auth)));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize(Roles.CAN_READ)
    public List<RiskResponse.HistoryResponse> history(@PathVariable String id) {
        return find(id).history().stream().map(RiskResponse.HistoryResponse::of).toList();
    }

    /** Runs the scheduled check now: reviews due or overdue, mitigations overdue, re-banding left to do. */
    @PostMapping("/check")
    @PreAuthorize("hasAnyRole('manager','performance-officer','admin')")
    public CheckingRisks.Outcome check() {
        return checking.check();
    }

    private ResponseEntity<RiskResponse> answer(Risk risk) {
        return ResponseEntity.ok().eTag(ETags.of(risk.version())).body(RiskResponse.of(risk, today()));
    }

    private Risk find(String id) {
        return queries.find(id).orElseThrow(() -> new NotFoundException("There is no risk " + id + "."));
    }

    /** {@code sort=field[,asc|desc]}, checked against {@link #SORTS}. */
    public record Sorting(String field, boolean ascending) {
        public static Sorting parse(String sort) {
            String[] parts = sort.split(",");
            String field = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!SORTS.contains(field)) {
                throw new InvalidInputException("sort", "can sort by " + String.join(", ", SORTS));
            }
            return new Sorting(field, parts.length < 2 || !"desc".equalsIgnoreCase(parts[1].strip()));
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
