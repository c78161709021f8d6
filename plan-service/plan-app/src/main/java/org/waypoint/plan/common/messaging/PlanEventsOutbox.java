package org.waypoint.plan.common.messaging;

import java.util.List;

import org.springframework.stereotype.Component;
import org.waypoint.plan.api.PlanEvent;
import org.waypoint.plan.api.PlanTopics;
import org.waypoint.platform.outbox.Outbox;
import org.waypoint.platform.outbox.OutboxMessage;

/** Turns plan events into outbox messages for {@link PlanTopics#PLANS}, keyed by aggregate id. */
@Component
public class PlanEventsOutbox {

    private final Outbox outbox;

    public PlanEventsOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    public List<OutboxMessage> messages(List<PlanEvent> events) {
        return events.stream()
                .map(e -> outbox.message(PlanTopics.PLANS, PlanEvent.typeOf(e.getClass()), e.aggregateId(),
                        PlanEvent.schemaOf(e.getClass()), e))
                .toList();
    }
}
