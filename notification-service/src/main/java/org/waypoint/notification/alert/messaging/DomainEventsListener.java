package org.waypoint.notification.alert.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.waypoint.notification.alert.application.ProcessingEvents;

/**
 * Reads every domain topic (plans, indicators, risks, budgets; {@code waypoint.notifications.topics}),
 * a poll's records at a time, so that a backlog is recorded and turned into alerts with a few
 * database round trips per poll rather than several per event. The offsets are committed only
 * after the events are recorded in the inbox (and, normally, turned into alerts), so a crash means
 * redelivery, and redelivery raises nothing new.
 */
@Component
public class DomainEventsListener {

    private final ProcessingEvents processing;

    public DomainEventsListener(ProcessingEvents processing) {
        this.processing = processing;
    }

    @KafkaListener(topics = "#{'${waypoint.notifications.topics}'.split('\\s*,\\s*')}",
            groupId = "${spring.kafka.consumer.group-id}", batch = "true")
    public void on(List<ConsumerRecord<String, String>> records) {
        processing.receiveAll(records.stream().map(r -> new ProcessingEvents.Incoming(r.topic(),
                r.value() == null ? "" : r.value())).toList());
    }
}
