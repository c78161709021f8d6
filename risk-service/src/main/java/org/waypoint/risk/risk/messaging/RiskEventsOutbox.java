package org.waypoint.risk.risk.messaging;

import java.util.List;

import org.springframework.stereotype.Component;
import org.waypoint.platform.outbox.Outbox;
import org.waypoint.platform.outbox.OutboxMessage;
import org.waypoint.risk.api.RiskEvent;
import org.waypoint.risk.api.RiskTopics;

/** Turns risk events into outbox messages for {@link RiskTopics#RISKS}, keyed by risk id. */
@Component
public class RiskEventsOutbox {

    private final Outbox outbox;

    public RiskEventsOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    public List<OutboxMessage> messages(List<RiskEvent> events) {
        return events.stream()
                .map(e -> outbox.message(RiskTopics.RISKS, RiskEvent.typeOf(e.getClass()), e.riskId(),
                        RiskEvent.schemaOf(e.getClass()), e))
                .toList();
    }
}
