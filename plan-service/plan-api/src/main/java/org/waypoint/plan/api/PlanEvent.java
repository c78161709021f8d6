package org.waypoint.plan.api;

/** An event plan-service publishes on {@link PlanTopics#PLANS}. */
public sealed interface PlanEvent permits PlanCreated, PlanUpdated, ActionCreated, ActionUpdated, ProgressRecorded,
        ActionDueSoon, ActionBecameAtRisk, ActionBecameOverdue, ActionCompleted {

    /** The id of the aggregate the event is about: the Kafka key and the CloudEvent subject. */
    String aggregateId();

    /** The CloudEvent type, e.g. {@code org.waypoint.plan.ActionBecameOverdue.v1}. */
    static String typeOf(Class<? extends PlanEvent> eventClass) {
        return "org.waypoint.plan." + eventClass.getSimpleName() + ".v1";
    }

    /** Where the event's JSON Schema is published (relative to the contracts folder). */
    static String schemaOf(Class<? extends PlanEvent> eventClass) {
        return "https://waypoint.example/schemas/plan/" + eventClass.getSimpleName() + ".v1.json";
    }
}
