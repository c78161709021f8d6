package org.waypoint.platform.outbox;

import java.time.Clock;
import org.waypoint.platform.events.CloudEvent;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns domain events into {@link OutboxMessage}s for one service: CloudEvents serialised once,
 * here, exactly as the relay will publish them.
 */
public class Outbox {

    private final String source;
    private final JsonMapper json;
    private final Clock clock;

    public Outbox(String source, JsonMapper json, Clock clock) {
        this.source = source;
        this.json = json;
        this.clock = clock;
    }

    public String source() {
        return source;
    }

    /** Wraps {@code data} in a CloudEvent and serialises it once, here, as it will be published. */
    public OutboxMessage message(String topic, String type, String aggregateId, String dataschema, Object data) {
        CloudEvent<Object> event = CloudEvent.of(source, type, aggregateId, clock.instant(), dataschema, data);
        return new OutboxMessage(event.id(), topic, aggregateId, type, json.writeValueAsString(event), event.time());
    }
}
