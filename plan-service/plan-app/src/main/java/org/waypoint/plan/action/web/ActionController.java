package org.waypoint.plan.action.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waypoint.plan.action.application.ActionQueries;
import org.waypoint.plan.action.application.ManagingActions;
import org.waypoint.plan.action.application.ReviewingActions;
import org.waypoint.plan.action.application.StatusRules;
import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionId;
import org.waypoint.plan.action.domain.ActionStatus;
import org.waypoint.plan.common.domain.HistoryEntry;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.web.ETags;
import org.waypoint.platform.errors.NotFoundException;
import org.waypoint.platform.web.Paging;

/** The actions of plans: {@code /api/actions}. */
@RestController
@RequestMapping("/api/actions")
public class ActionController {

    /** Every change needs the ETag it read (Spring's own check is off so that a missing one is a 428 problem, not a 400). */
    static final String IF_MATCH = "The ETag you read. Missing: 428; stale: 412.";

    static final int MAX_PAGE_SIZE = 200;
    static final List<String> SORTABLE = List.of("due", "title", "reference", "progress", "status", "created");

    private final ManagingActions managing;
    private final ReviewingActions reviewing;
    private final ActionQueries queries;
    private final StatusRules rules;
    private final Clock clock;

    public ActionController(ManagingActions managing, ReviewingActions reviewing, ActionQueries queries, StatusRules rules,
                            Clock clock) {
        this.managing = managing;
        this.reviewing = reviewing;
        this.queries = queries;
        this.rules = rules;
        this.clock = clock;
    }

    /** One page of actions. */
    public record ActionPage(List<ActionResponse> items, int page, int size, long total, long totalPages) {
    }

    @PostMapping
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<ActionResponse> create(@Valid @RequestBody ActionRequests.CreateAction request, Authentication caller) {
        Action action = managing.create(request.details(),
                request.progressPercent() == null ? 0 : request.progressPercent(), Caller.of(caller));
        return ResponseEntity.created(URI.create("/api/actions/" + action.id())).eTag(ETags.of(action.version()))
                .body(view(action));
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<ActionResponse> get(@PathVariable String id) {
        Action action = find(id);
        return ResponseEntity.ok().eTag(ETags.of(action.version())).body(view(action));
    }

    @PutMapping("/{id}")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<ActionResponse> update(@PathVariable String id,
                                                 @Parameter(description = IF_MATCH, required = true)
                                                 @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                 @Valid @RequestBody ActionRequests.UpdateAction request, Authentication caller) {
        long version = ETags.required(ifMatch);
        Action action = managing.update(new ActionId(id), version, request.details(), Boolean.TRUE.equals(request.postponed()),
                Boolean.TRUE.equals(request.cancelled()), Caller.of(caller));
        return ResponseEntity.ok().eTag(ETags.of(action.version())).body(view(action));
    }

    @PostMapping("/{id}/progress")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<ActionResponse> recordProgress(@PathVariable String id,
                                                         @Parameter(description = IF_MATCH, required = true)
                                                         @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                         @Valid @RequestBody ActionRequests.RecordProgress request,
                                                         Authentication caller) {
        Action action = managing.recordProgress(new ActionId(id), ETags.required(ifMatch), request.progressPercent(),
                request.text(), request.asOf(), Caller.of(caller));
        return ResponseEntity.created(URI.create("/api/actions/" + id + "/progress")).eTag(ETags.of(action.version()))
                .body(view(action));
    }

    @GetMapping("/{id}/progress")
    @PreAuthorize(Roles.CAN_READ)
    public List<ActionResponse.ProgressResponse> progress(@PathVariable String id) {
        return view(find(id)).progressUpdates();
    }

    @PutMapping("/{id}/exception-report")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<ActionResponse> reportException(@PathVariable String id,
                                                          @Parameter(description = IF_MATCH, required = true)
                                                          @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                          @Valid @RequestBody ActionRequests.ReportException request,
                                                          Authentication caller) {
        Action action = managing.reportException(new ActionId(id), ETags.required(ifMatch), request.reason(),
                request.correctiveAction(), request.revisedDate(), Caller.of(caller));
        return ResponseEntity.ok().eTag(ETags.of(action.version())).body(view(action));
    }

    @DeleteMapping("/{id}/exception-report")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<ActionResponse> withdrawException(@PathVariable String id,
                                                            @Parameter(description = IF_MATCH, required = true)
                                                            @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                            Authentication caller) {
        Action action = managing.withdrawException(new ActionId(id), ETags.required(ifMatch), Caller.of(caller));
        return ResponseEntity.ok().eTag(ETags.of(action.version())).body(view(action));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize(Roles.CAN_READ)
    public List<HistoryEntry> history(@PathVariable String id) {
        find(id);
        return queries.history(new ActionId(id));
    }

    @GetMapping
    @PreAuthorize(Roles.CAN_READ)
    public ActionPage list(@RequestParam(required = false) String planId,
                           @RequestParam(required = false) String priorityId,
                           @RequestParam(required = false) String serviceArea,
                           @RequestParam(required = false) String lead,
                           @RequestParam(required = false) ActionStatus status,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueAfter,
                           @RequestParam(required = false) String q,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size,
                           @RequestParam(defaultValue = "due,asc") String sort) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        String[] sortParts = sort.split(",");
        String field = sortParts[0].strip().toLowerCase(Locale.ROOT);
        if (!SORTABLE.contains(field)) {
            throw new InvalidInputException("sort", "can sort by " + String.join(", ", SORTABLE));
        }
        boolean ascending = sortParts.length < 2 || !"desc".equalsIgnoreCase(sortParts[1].strip());
        var result = queries.list(new ActionQueries.Filter(planId, priorityId, serviceArea, lead, status, dueBefore, dueAfter,
                q == null || q.isBlank() ? null : q), page, size, field, ascending);
        return new ActionPage(result.items().stream().map(this::view).toList(), page, size, result.total(),
                (result.total() + size - 1) / size);
    }

    /** Runs the review of due dates and progress now (it also runs on a schedule). */
    @PostMapping("/overdue-check")
    @PreAuthorize("hasAnyRole('manager','performance-officer','admin')")
    public ReviewingActions.Result overdueCheck() {
        return reviewing.review();
    }

    private Action find(String id) {
        return queries.find(new ActionId(id)).orElseThrow(() -> new NotFoundException("There is no action " + id + "."));
    }

    private ActionResponse view(Action action) {
        return ActionResponse.of(action, LocalDate.now(clock), rules.current());
    }
}
