package org.waypoint.plan.plan.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;

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
import org.waypoint.plan.common.domain.HistoryEntry;
import org.waypoint.plan.plan.application.ManagingPlans;
import org.waypoint.plan.plan.application.PlanQueries;
import org.waypoint.plan.plan.domain.Plan;
import org.waypoint.plan.plan.domain.PlanId;
import org.waypoint.plan.plan.domain.PlanStatus;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.web.ETags;
import org.waypoint.platform.errors.NotFoundException;
import org.waypoint.platform.web.Paging;

/** Plans: {@code /api/plans}. */
@RestController
@RequestMapping("/api/plans")
public class PlanController {

    /** Every change needs the ETag it read (Spring's own check is off so that a missing one is a 428 problem, not a 400). */
    static final String IF_MATCH = "The ETag you read. Missing: 428; stale: 412.";

    private final ManagingPlans managing;
    private final PlanQueries queries;

    public PlanController(ManagingPlans managing, PlanQueries queries) {
        this.managing = managing;
        this.queries = queries;
    }

    public record PlanResponse(String id, String title, String organisation, String service, String serviceArea,
                               String period, LocalDate starts, LocalDate ends, String owner, PlanStatus status,
                               List<PlanRequest.PriorityRequest> priorities, List<PlanRequest.OutcomeRequest> outcomes,
                               String createdBy, Instant createdAt, long version) {
        static PlanResponse of(Plan plan) {
            var d = plan.details();
            return new PlanResponse(plan.id().value(), d.title(), d.organisation(), d.service(), d.serviceArea(),
                    d.period().toString(), d.period().start(), d.period().end(), d.owner(), d.status(),
                    d.priorities().stream().map(p -> new PlanRequest.PriorityRequest(p.id(), p.title())).toList(),
                    d.outcomes().stream().map(o -> new PlanRequest.OutcomeRequest(o.code(), o.title())).toList(),
                    plan.createdBy(), plan.createdAt(), plan.version());
        }
    }

    public record PlanPage(List<PlanResponse> items, int page, int size, long total, long totalPages) {
    }

    @PostMapping
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<PlanResponse> create(@Valid @RequestBody PlanRequest request, Authentication caller) {
        if (request.id() != null && !request.id().matches("[a-z0-9][a-z0-9-]{2,63}")) {
            throw new InvalidInputException("id", "must be 3-64 lower-case letters, digits and '-'");
        }
        Plan plan = managing.create(request.id(), request.details(), Caller.of(caller));
        return ResponseEntity.created(URI.create("/api/plans/" + plan.id())).eTag(ETags.of(plan.version()))
                .body(PlanResponse.of(plan));
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<PlanResponse> get(@PathVariable String id) {
        Plan plan = find(id);
        return ResponseEntity.ok().eTag(ETags.of(plan.version())).body(PlanResponse.of(plan));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<PlanResponse> update(@PathVariable String id,
                                               @Parameter(description = IF_MATCH, required = true)
                                               @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                               @Valid @RequestBody PlanRequest request, Authentication caller) {
        long version = ETags.required(ifMatch);
        if (request.id() != null && !request.id().equals(id)) {
            throw new InvalidInputException("id", "cannot change: it is " + id);
        }
        Plan plan = managing.update(new PlanId(id), version, request.details(), Caller.of(caller));
        return ResponseEntity.ok().eTag(ETags.of(plan.version())).body(PlanResponse.of(plan));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize(Roles.CAN_READ)
    public List<HistoryEntry> history(@PathVariable String id) {
        find(id);
        return queries.history(new PlanId(id));
    }

    @GetMapping
    @PreAuthorize(Roles.CAN_READ)
    public PlanPage list(@RequestParam(required = false) String organisation,
                         @RequestParam(required = false) String serviceArea,
                         @RequestParam(required = false) PlanStatus status,
                         @RequestParam(required = false) String q,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size, 200);
        var result = queries.list(new PlanQueries.Filter(organisation, serviceArea, status, q == null || q.isBlank() ? null : q),
                page, size);
        return new PlanPage(result.items().stream().map(PlanResponse::of).toList(), page, size, result.total(),
                (result.total() + size - 1) / size);
    }

    private Plan find(String id) {
        return queries.find(new PlanId(id)).orElseThrow(() -> new NotFoundException("There is no plan " + id + "."));
    }
}
