package org.waypoint.indicator.api;

/** The Kafka topic indicator-service owns. Events are CloudEvents 1.0 JSON keyed by indicator id. */
public final class IndicatorTopics {

    /** Every change to indicators and their measurements. */
    public static final String INDICATORS = "waypoint.indicators.v1";

    /** The CloudEvents {@code source} of every indicator-service event. */
    public static final String SOURCE = "/waypoint/indicator-service";

    private IndicatorTopics() {
    }
}
