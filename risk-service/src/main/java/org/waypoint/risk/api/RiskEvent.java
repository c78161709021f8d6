package org.waypoint.risk.api;

/** An event risk-service publishes on {@link RiskTopics#RISKS}. */
public sealed interface RiskEvent permits RiskRaised, RiskAssessed, RiskEscalated, RiskReviewDue, RiskReviewOverdue,
        MitigationOverdue, RiskClosed {

    /** The id of the risk: the Kafka key and the CloudEvent subject. */
    String riskId();

    /** The CloudEvent type, e.g. {@code org.waypoint.risk.RiskEscalated.v1}. */
    static String typeOf(Class<? extends RiskEvent> eventClass) {
        return "org.waypoint.risk." + eventClass.getSimpleName() + ".v1";
    }

    /** The JSON Schema of the event's {@code data}. */
    static String schemaOf(Class<? extends RiskEvent> eventClass) {
        return "https://waypoint.example/schemas/risk/" + eventClass.getSimpleName() + ".v1.json";
    }
}
