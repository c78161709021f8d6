package org.waypoint.plan.api;

/** The Kafka topics plan-service owns. Events are CloudEvents 1.0 JSON keyed by aggregate id. */
public final class PlanTopics {

    /** Every change to plans and actions, keyed by the aggregate's id. */
    public static final String PLANS = "waypoint.plans.v1";

    /** The CloudEvents {@code source} of every plan-service event. */
    public static final String SOURCE = "/waypoint/plan-service";

    private PlanTopics() {
    }
}
