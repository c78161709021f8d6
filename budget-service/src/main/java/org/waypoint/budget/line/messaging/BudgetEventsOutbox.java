package org.waypoint.budget.line.messaging;

import java.util.List;

import org.springframework.stereotype.Component;
import org.waypoint.budget.api.BudgetEvent;
import org.waypoint.budget.api.BudgetTopics;
import org.waypoint.platform.outbox.Outbox;
import org.waypoint.platform.outbox.OutboxMessage;

/** Turns budget events into outbox messages for {@link BudgetTopics#BUDGETS}, keyed by budget line id. */
@Component
public class BudgetEventsOutbox {

    private final Outbox outbox;

    public BudgetEventsOutbox(Outbox outbox) {
        this.outbox = outbox;
    }

    public List<OutboxMessage> messages(List<BudgetEvent> events) {
        return events.stream()
                .map(e -> outbox.message(BudgetTopics.BUDGETS, BudgetEvent.typeOf(e.getClass()), e.aggregateId(),
                        BudgetEvent.schemaOf(e.getClass()), e))
                .toList();
    }
}
