package org.waypoint.risk.register.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

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
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.errors.NotFoundException;
import org.waypoint.platform.web.Paging;
import org.waypoint.risk.register.application.ManagingRegisters;
import org.waypoint.risk.register.application.RegisterQueries;
import org.waypoint.risk.register.domain.RiskRegister;
import org.waypoint.risk.register.web.RegisterRequests.ChangeBandingRequest;
import org.waypoint.risk.register.web.RegisterRequests.ChangeCategoriesRequest;
import org.waypoint.risk.register.web.RegisterRequests.CreateRegisterRequest;
import org.waypoint.platform.web.ETags;

/**
 * Risk registers: {@code /api/risk-registers}. Their banding and appetites are changed by
 * performance officers (anywhere) or managers (within the register's service area); each change
 * is recorded and re-bands the register's risks.
 */
@RestController
@RequestMapping("/api/risk-registers")
public class RiskRegisterController {

    static final int MAX_PAGE_SIZE = 200;

    private final ManagingRegisters managing;
    private final RegisterQueries queries;

    public RiskRegisterController(ManagingRegisters managing, RegisterQueries queries) {
        this.managing = managing;
        this.queries = queries;
    }

    /** A register after a framework change, with how many of its risks were re-banded. */
    public record FrameworkChanged(RegisterResponse register, int risksRebanded) {
    }

    @PostMapping
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<RegisterResponse> create(@Valid @RequestBody CreateRegisterRequest request, Authentication auth) {
        RiskRegister register = managing.create(request.name(), request.organisation(), request.serviceArea(),
                request.banding() == null ? null : request.banding().toBanding(),
                RegisterRequests.categories(request.categories()), Caller.of(auth));
        return ResponseEntity.created(URI.create("/api/risk-registers/" + register.id()))
                .eTag(ETags.of(register.version())).body(RegisterResponse.of(register));
    }

    /** One page of registers; {@code total} counts every register. */
    public record RegisterPage(List<RegisterResponse> items, int page, int size, long total, long totalPages) {
    }

    /** Registers, a page at a time like every list: {@code page} from 0, {@code size} 1-200, {@code sort=name|serviceArea|organisation|created[,asc|desc]}. */
    @GetMapping
    @PreAuthorize(Roles.CAN_READ)
    public RegisterPage list(@RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "20") int size,
                             @RequestParam(defaultValue = "name,asc") String sort) {
        Paging.check(page, size, MAX_PAGE_SIZE);
        String[] parts = sort.split(",");
        String field = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!RegisterQueries.SORTS.contains(field)) {
            throw new InvalidInputException("sort", "can sort by name, serviceArea, organisation, created");
        }
        boolean ascending = parts.length < 2 || !"desc".equalsIgnoreCase(parts[1].strip());
        var result = queries.list(page, size, field, ascending);
        return new RegisterPage(result.items().stream().map(RegisterResponse::of).toList(), page, size, result.total(),
                (result.total() + size - 1) / size);
    }

    @GetMapping("/{id}")
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<RegisterResponse> get(@PathVariable String id) {
        RiskRegister register = find(id);
        return ResponseEntity.ok().eTag(ETags.of(register.version())).body(RegisterResponse.of(register));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize(Roles.CAN_READ)
    public List<RegisterResponse.ChangeResponse> history(@PathVariable String id) {
        return find(id).changes().stream().map(c -> new RegisterResponse.ChangeResponse(c.at(), c.by(), c.what(),
                c.justification(), c.before(), c.after())).toList();
    }

    @PutMapping("/{id}/banding")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<FrameworkChanged> changeBanding(@PathVariable String id,
                                                          @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                          @Valid @RequestBody ChangeBandingRequest request, Authentication auth) {
        long version = ETags.required(ifMatch);
        var changed = managing.changeBanding(id, version, request.toBanding(), request.justification(), Caller.of(auth));
        return ResponseEntity.ok().eTag(ETags.of(changed.register().version()))
                .body(new FrameworkChanged(RegisterResponse.of(changed.register()), changed.risksRebanded()));
    }

    @PutMapping("/{id}/categories")
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<FrameworkChanged> changeCategories(@PathVariable String id,
                                                             @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                             @Valid @RequestBody ChangeCategoriesRequest request, Authentication auth) {
        long version = ETags.required(ifMatch);
        var changed = managing.changeCategories(id, version, RegisterRequests.categories(request.categories()),
                request.justification(), Caller.of(auth));
        return ResponseEntity.ok().eTag(ETags.of(changed.register().version()))
                .body(new FrameworkChanged(RegisterResponse.of(changed.register()), changed.risksRebanded()));
    }

    private RiskRegister find(String id) {
        return queries.find(id).orElseThrow(() -> new NotFoundException("There is no risk register " + id + "."));
    }
}
