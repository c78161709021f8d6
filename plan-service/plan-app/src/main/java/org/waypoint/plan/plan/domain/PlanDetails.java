package org.waypoint.plan.plan.domain;

import java.util.HashSet;
import java.util.List;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/**
 * What a person types about a plan. Validates itself: title, organisation, service, service area and
 * owner are one line ({@link Text#oneLine}); no priority or outcome is null.
 */
public record PlanDetails(String title, String organisation, String service, String serviceArea, PlanPeriod period,
                          String owner, PlanStatus status, List<Priority> priorities, List<Outcome> outcomes) {

    public PlanDetails {
        text(title, "title", 300, true);
        text(organisation, "organisation", 200, true);
        text(service, "service", 200, false);
        text(serviceArea, "serviceArea", 200, false);
        text(owner, "owner", 100, false);
        for (int i = 0; priorities != null && i < priorities.size(); i++) {
            if (priorities.get(i) == null) {
                throw new InvalidInputException("priorities[" + i + "]", "must be a priority, not null");
            }
        }
        for (int i = 0; outcomes != null && i < outcomes.size(); i++) {
            if (outcomes.get(i) == null) {
                throw new InvalidInputException("outcomes[" + i + "]", "must be an outcome, not null");
            }
        }
        if (period == null) {
            throw new InvalidInputException("period", "must not be blank");
        }
        status = status == null ? PlanStatus.DRAFT : status;
        priorities = priorities == null ? List.of() : List.copyOf(priorities);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        if (priorities.stream().map(Priority::id).distinct().count() != priorities.size()) {
            throw new InvalidInputException("priorities.id", "must be unique within the plan");
        }
        if (new HashSet<>(outcomes.stream().map(Outcome::code).toList()).size() != outcomes.size()) {
            throw new InvalidInputException("outcomes.code", "must be unique within the plan");
        }
    }

    private static void text(String value, String field, int max, boolean required) {
        Text.oneLine(field, value);
        if (required && (value == null || value.isBlank())) {
            throw new InvalidInputException(field, "must not be blank");
        }
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, "must be at most " + max + " characters");
        }
    }

    public boolean hasPriority(String priorityId) {
        return priorities.stream().anyMatch(p -> p.id().equals(priorityId));
    }
}
