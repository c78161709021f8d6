package org.waypoint.notification.alert.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.waypoint.notification.alert.application.RaisingAlerts;
import org.waypoint.plan.api.ActionBecameOverdue;
import org.waypoint.plan.api.PlanEvent;
import org.waypoint.plan.api.PlanTopics;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads plan-service's CloudEvents. The offset is committed only after the alerts are recorded,
 * so a crash means redelivery, and redelivery raises nothing new.
 */
@Component
public class PlanEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PlanEventsListener.class);
    static final String OVERDUE = PlanEvent.typeOf(ActionBecameOverdue.class);

    private final RaisingAlerts raising;
    private final JsonMapper json;

    public PlanEventsListener(RaisingAlerts raising, JsonMapper json) {
        this.raising = raising;
        this.json = json;
    }

    @KafkaListener(topics = PlanTopics.PLANS, groupId = "${spring.kafka.consumer.group-id}")
    public void on(String message) {
        JsonNode event;
        try {
            event = json.readTree(message);
        } catch (RuntimeException unreadable) {
            log.error("Skipping a message on {} that is not JSON", PlanTopics.PLANS);
            return;
        }
        String type = event.path("type").asString("");
        if (OVERDUE.equals(type)) {
            ActionBecameOverdue overdue = json.treeToValue(event.get("data"), ActionBecameOverdue.class);
            raising.actionBecameOverdue(overdue, event.path("id").asString());
        }
    }
}
