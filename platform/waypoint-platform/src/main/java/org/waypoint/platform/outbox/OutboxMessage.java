package org.waypoint.platform.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * An event waiting to be published, stored inside the document of the aggregate that caused it,
 * so that saving the aggregate and recording its events is one atomic single-document write.
 *
 * @param id      the CloudEvent id
 * @param topic   the Kafka topic
 * @param key     the Kafka key (the aggregate id)
 * @param type    the CloudEvent type, for logs and queries
 * @param payload the whole CloudEvent as JSON, exactly as it will be published
 */
public record OutboxMessage(String id, String topic, String key, String type, String payload, Instant occurredAt) {

    /** The field of an aggregate's document that holds its pending messages. */
    public static final String FIELD = "outbox";

    public OutboxMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
