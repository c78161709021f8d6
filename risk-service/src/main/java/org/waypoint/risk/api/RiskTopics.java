package org.waypoint.risk.api;

/** The Kafka topic risk-service owns. Events are CloudEvents 1.0 JSON keyed by risk id. */
public final class RiskTopics {

    /** Every change to risks, keyed by the risk's id. */
    public static final String RISKS = "waypoint.risks.v1";

    /** The CloudEvents {@code source} of every risk-service event. */
    public static final String SOURCE = "/waypoint/risk-service";

    private RiskTopics() {
    }
}
