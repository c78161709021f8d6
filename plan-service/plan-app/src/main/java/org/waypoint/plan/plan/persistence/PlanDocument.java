package org.waypoint.plan.plan.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.data.annotation.Id;
import org.waypoint.plan.common.persistence.StoredText;
import org.waypoint.plan.plan.domain.Outcome;
import org.waypoint.plan.plan.domain.Plan;
import org.waypoint.plan.plan.domain.PlanDetails;
import org.waypoint.plan.plan.domain.PlanId;
import org.waypoint.plan.plan.domain.PlanPeriod;
import org.waypoint.plan.plan.domain.PlanStatus;
import org.waypoint.plan.plan.domain.Priority;

/** A plan as stored in {@code plans}, with {@code version}, {@code outbox} and {@code history} beside it. */
public record PlanDocument(@Id String id, String title, String organisation, String service, String serviceArea,
                           int firstYear, int lastYear, String owner, String status, List<PriorityDocument> priorities,
                           List<OutcomeDocument> outcomes, String createdBy, Instant createdAt, long version) {

    public static final String COLLECTION = "plans";

    public record PriorityDocument(String id, String title) {
    }

    public record OutcomeDocument(String code, String title) {
    }

    static PlanDocument from(Plan plan) {
        PlanDetails d = plan.details();
        return new PlanDocument(plan.id().value(), d.title(), d.organisation(), d.service(), d.serviceArea(),
                d.period().firstYear(), d.period().lastYear(), d.owner(), d.status().name(),
                d.priorities().stream().map(p -> new PriorityDocument(p.id(), p.title())).toList(),
                d.outcomes().stream().map(o -> new OutcomeDocument(o.code(), o.title())).toList(),
                plan.createdBy(), plan.createdAt(), plan.version());
    }

    /** The stored plan; text stored before today's text rules is read as they would have it ({@link StoredText}). */
    Plan toDomain() {
        return Plan.restore(new PlanId(id), new PlanDetails(StoredText.oneLine(title), StoredText.oneLine(organisation),
                        StoredText.oneLine(service), StoredText.oneLine(serviceArea),
                        new PlanPeriod(firstYear, lastYear), StoredText.oneLine(owner), PlanStatus.valueOf(status),
                        priorities == null ? List.of() : priorities.stream().filter(Objects::nonNull)
                                .map(p -> new Priority(p.id(), StoredText.oneLine(p.title()))).toList(),
                        outcomes == null ? List.of() : outcomes.stream().filter(Objects::nonNull)
                                .map(o -> new Outcome(o.code(), StoredText.oneLine(o.title()))).toList()),
                createdBy, createdAt, version);
    }
}
