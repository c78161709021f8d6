package org.waypoint.indicator.indicator.messaging;

import java.util.List;

import org.springframework.stereotype.Component;
import org.waypoint.indicator.api.IndicatorEvent;
import org.waypoint.indicator.api.IndicatorTopics;
import org.waypoint.platform.outbox.Outbox;
import org.waypoint.platform.outbox.OutboxMessage;

/** Turns indicator events into outbox messages for {@link IndicatorTopics#INDICATORS}, keyed by indicator id. */
@Component
public class IndicatorEventsOutbox {

    private final Outbox outbox;

    public IndicatorEventsOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    public List<OutboxMessage> messages(List<IndicatorEvent> events) {
        return events.stream()
                .map(e -> outbox.message(IndicatorTopics.INDICATORS, IndicatorEvent.typeOf(e.getClass()), e.indicatorId(),
                        IndicatorEvent.schemaOf(e.getClass()), e))
                .toList();
    }
}
