package org.waypoint.platform.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A CloudEvents 1.0 event in structured JSON mode: what every Waypoint topic carries.
 *
 * @param id       unique per event; consumers de-duplicate on it
 * @param source   the publishing service, e.g. {@code /waypoint/plan-service}
 * @param type     e.g. {@code org.waypoint.plan.ActionBecameOverdue.v1}
 * @param subject  the aggregate id (also the Kafka key)
 * @param data     the event record
 */
public record CloudEvent<T>(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        T data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        if (!SPEC_VERSION.equals(specversion)) {
            throw new IllegalArgumentException("specversion must be 1.0, was " + specversion);
        }
    }

    public static <T> CloudEvent<T> of(String source, String type, String subject, Instant time, String dataschema, T data) {
        return new CloudEvent<>(SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject, time,
                "application/json", dataschema, data);
    }
}
