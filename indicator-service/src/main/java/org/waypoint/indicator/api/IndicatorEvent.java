package org.waypoint.indicator.api;

/** An event indicator-service publishes on {@link IndicatorTopics#INDICATORS}, keyed by indicator id. */
public sealed interface IndicatorEvent
        permits IndicatorDefined, IndicatorChanged, MeasurementRecorded, IndicatorStatusChanged, MeasurementMissing {

    /** The indicator's id: the Kafka key and the CloudEvent subject. */
    String indicatorId();

    /** The CloudEvent type, e.g. {@code org.waypoint.indicator.IndicatorStatusChanged.v1}. */
    static String typeOf(Class<? extends IndicatorEvent> eventClass) {
        return "org.waypoint.indicator." + eventClass.getSimpleName() + ".v1";
    }

    /** Where the event's JSON Schema is published. */
    static String schemaOf(Class<? extends IndicatorEvent> eventClass) {
        return "https://waypoint.example/schemas/indicator/" + eventClass.getSimpleName() + ".v1.json";
    }
}
