package org.waypoint.plan.plan.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.waypoint.plan.common.domain.FieldChange;
import org.waypoint.plan.api.PlanCreated;
import org.waypoint.plan.api.PlanEvent;
import org.waypoint.plan.api.PlanUpdated;

/** A plan (Service Improvement Plan, Resource Plan, Business Plan) for a period of financial years. */
public final class Plan {

    private final PlanId id;
    private final PlanDetails details;
    private final String createdBy;
    private final Instant createdAt;
    private final long version;

    private Plan(PlanId id, PlanDetails details, String createdBy, Instant createdAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.details = Objects.requireNonNull(details);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.version = version;
    }

    public record Changed(Plan plan, List<PlanEvent> events) {
    }

    public static Changed create(PlanId id, PlanDetails details, String by, Instant now) {
        Plan plan = new Plan(id, details, by, now, 0);
        return new Changed(plan, List.of(new PlanCreated(id.value(), details.title(), details.organisation(),
                details.service(), details.serviceArea(), details.period().toString(), details.owner(),
                details.status().name(), by, now)));
    }

    public static Plan restore(PlanId id, PlanDetails details, String createdBy, Instant createdAt, long version) {
        return new Plan(id, details, createdBy, createdAt, version);
    }

    public Changed update(PlanDetails newDetails, String by, Instant now) {
        Plan updated = new Plan(id, newDetails, createdBy, createdAt, version);
        List<String> changed = diff(this, updated).stream().map(FieldChange::field).toList();
        if (changed.isEmpty()) {
            return new Changed(this, List.of());
        }
        return new Changed(updated, List.of(new PlanUpdated(id.value(), newDetails.title(), newDetails.status().name(),
                changed, by, now)));
    }

    public Map<String, String> describe() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", details.title());
        fields.put("organisation", details.organisation());
        fields.put("service", details.service());
        fields.put("serviceArea", details.serviceArea());
        fields.put("period", details.period().toString());
        fields.put("owner", details.owner());
        fields.put("status", details.status().name());
        fields.put("priorities", details.priorities().stream().map(p -> p.id() + " " + p.title()).collect(Collectors.joining(" | ")));
        fields.put("outcomes", details.outcomes().stream().map(Outcome::code).collect(Collectors.joining(", ")));
        return fields;
    }

    public static List<FieldChange> diff(Plan before, Plan after) {
        Map<String, String> a = before == null ? Map.of() : before.describe();
        Map<String, String> b = after.describe();
        return b.keySet().stream().filter(k -> !Objects.equals(a.get(k), b.get(k)))
                .map(k -> new FieldChange(k, a.get(k), b.get(k))).toList();
    }

    public PlanId id() { return id; }
    public PlanDetails details() { return details; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}
