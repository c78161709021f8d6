package org.waypoint.plan.plan.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.waypoint.plan.plan.domain.Outcome;
import org.waypoint.plan.plan.domain.PlanDetails;
import org.waypoint.plan.plan.domain.PlanPeriod;
import org.waypoint.plan.plan.domain.PlanStatus;
import org.waypoint.plan.plan.domain.Priority;

/**
 * The JSON body of {@code POST /api/plans} and {@code PUT /api/plans/{id}}. {@code period} is
 * written as plans write it: "2021/22" or "2021/22-2023/24". On create, {@code id} may give the
 * plan a readable id (e.g. {@code ea-chcj-sip-2021-24}).
 */
public record PlanRequest(
        @Size(min = 3, max = 64) String id,
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 200) String organisation,
        @Size(max = 200) String service,
        @Size(max = 200) String serviceArea,
        @NotBlank @Size(max = 40) String period,
        @Size(max = 100) String owner,
        PlanStatus status,
        @Size(max = 30) List<@Valid PriorityRequest> priorities,
        @Size(max = 100) List<@Valid OutcomeRequest> outcomes) {

    public record PriorityRequest(@NotBlank @Size(max = 40) String id, @NotBlank @Size(max = 300) String title) {
    }

    public record OutcomeRequest(@NotBlank @Size(max = 40) String code, @Size(max = 500) String title) {
    }

    PlanDetails details() {
        return new PlanDetails(title, organisation, service, serviceArea, PlanPeriod.parse(period), owner, status,
                priorities == null ? List.of() : priorities.stream().map(p -> new Priority(p.id(), p.title())).toList(),
                outcomes == null ? List.of() : outcomes.stream().map(o -> new Outcome(o.code(), o.title())).toList());
    }
}
