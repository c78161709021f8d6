package org.waypoint.plan.plan.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.waypoint.plan.plan.domain.Outcome;
import org.waypoint.plan.plan.domain.PlanDetails;
import org.waypoint.plan.plan.domain.PlanPeriod;
import org.waypoint.plan.plan.domain.PlanStatus;
import org.waypoint.plan.plan.domain.Priority;
import org.waypoint.platform.validation.InvalidInputException;

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
        @Size(max = 30) List<@NotNull @Valid PriorityRequest> priorities,
        @Size(max = 100) List<@NotNull @Valid OutcomeRequest> outcomes) {

    public record PriorityRequest(@NotBlank @Size(max = 40) String id, @NotBlank @Size(max = 300) String title) {
    }

    public record OutcomeRequest(@NotBlank @Size(max = 40) String code, @Size(max = 500) String title) {
    }

    PlanDetails details() {
        List<Priority> domainPriorities = new ArrayList<>();
        for (int i = 0; priorities != null && i < priorities.size(); i++) {
            PriorityRequest p = priorities.get(i);
            domainPriorities.add(at("priorities", i, p, () -> new Priority(p.id(), p.title())));
        }
        List<Outcome> domainOutcomes = new ArrayList<>();
        for (int i = 0; outcomes != null && i < outcomes.size(); i++) {
            OutcomeRequest o = outcomes.get(i);
            domainOutcomes.add(at("outcomes", i, o, () -> new Outcome(o.code(), o.title())));
        }
        return new PlanDetails(title, organisation, service, serviceArea, PlanPeriod.parse(period), owner, status,
                domainPriorities, domainOutcomes);
    }

    /** The domain's complaint about "priorities.title" named by where it is: "priorities[2].title"; null is "priorities[2]". */
    private static <T> T at(String list, int index, Object element, Supplier<T> toDomain) {
        String where = list + "[" + index + "]";
        if (element == null) {
            throw new InvalidInputException(where, "must not be null");
        }
        try {
            return toDomain.get();
        } catch (InvalidInputException e) {
            if (!e.field().startsWith(list + ".")) {
                throw e;
            }
            throw new InvalidInputException(where + e.field().substring(list.length()), e.getMessage());
        }
    }
}
