package org.waypoint.plan.action.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.waypoint.plan.action.application.ActionQueries;
import org.waypoint.plan.action.application.CreatingAction;
import org.waypoint.plan.action.application.DetectingOverdueActions;
import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionId;
import org.waypoint.plan.action.domain.ActionStatus;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.web.NotFoundException;

/** The actions of plans: {@code /api/actions}. */
@RestController
@RequestMapping("/api/actions")
public class ActionController {

    static final int MAX_PAGE_SIZE = 200;

    private final CreatingAction creating;
    private final DetectingOverdueActions detecting;
    private final ActionQueries queries;
    private final Clock clock;

    public ActionController(CreatingAction creating, DetectingOverdueActions detecting, ActionQueries queries, Clock clock) {
        this.creating = creating;
        this.detecting = detecting;
        this.queries = queries;
        this.clock = clock;
    }

    /** One page of actions. */
    public record ActionPage(List<ActionResponse> items, int page, int size, long total, long totalPages) {
    }

    @PostMapping
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<ActionResponse> create(@Valid @RequestBody CreateActionRequest request, Authentication caller) {
        Action action = creating.create(request.toCommand(), caller.getName());
        return ResponseEntity.created(URI.create("/api/actions/" + action.id()))
                .eTag(etag(action))
                .body(ActionResponse.of(action, today()));
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<ActionResponse> get(@PathVariable String id) {
        Action action = queries.find(new ActionId(id))
                .orElseThrow(() -> new NotFoundException("There is no action " + id + "."));
        return ResponseEntity.ok().eTag(etag(action)).body(ActionResponse.of(action, today()));
    }

    @GetMapping
    @PreAuthorize(Roles.CAN_READ)
    public ActionPage list(@RequestParam(required = false) String planId,
                           @RequestParam(required = false) String serviceArea,
                           @RequestParam(required = false) String lead,
                           @RequestParam(required = false) ActionStatus status,
                           @RequestParam(required = false) String q,
                           @RequestParam(defaultValue = "0") int page,
                           @RequestParam(defaultValue = "20") int size,
                           @RequestParam(defaultValue = "due,asc") String sort) {
        if (page < 0) {
            throw new InvalidInputException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        String[] sortParts = sort.split(",");
        String field = sortParts[0].strip().toLowerCase(Locale.ROOT);
        if (!List.of("due", "title", "reference", "progress", "status", "created").contains(field)) {
            throw new InvalidInputException("sort", "can sort by due, title, reference, progress, status or created");
        }
        boolean ascending = sortParts.length < 2 || !"desc".equalsIgnoreCase(sortParts[1].strip());
        var result = queries.list(new ActionQueries.Filter(planId, serviceArea, lead, status, q), page, size, field, ascending);
        LocalDate today = today();
        return new ActionPage(result.items().stream().map(a -> ActionResponse.of(a, today)).toList(),
                page, size, result.total(), (result.total() + size - 1) / size);
    }

    /** Runs the overdue check now (it also runs on a schedule). */
    @PostMapping("/overdue-check")
    @PreAuthorize("hasAnyRole('manager','performance-officer','admin')")
    public Map<String, Integer> overdueCheck() {
        return Map.of("becameOverdue", detecting.detect());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String etag(Action action) {
        return "\"" + action.version() + "\"";
    }
}
