package org.waypoint.notification.alert.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.waypoint.notification.alert.application.ProcessingEvents;

/**
 * Reads every domain topic (plans, indicators, risks, budgets; {@code waypoint.notifications.topics}).
 * The offset is committed only after the event is recorded in the inbox (and, normally, turned into
 * alerts), so a crash means redelivery, and redelivery raises nothing new.
 */
@Component
public class DomainEventsListener {

    private final ProcessingEvents processing;

    public DomainEventsListener(ProcessingEvents processing) {
        this.processing = processing;
    }

    @KafkaListener(topics = "#{'${waypoint.notifications.topics}'.split('\\s*,\\s*')}",
            groupId = "${spring.kafka.consumer.group-id}")
    public void on(ConsumerRecord<String, String> record) {
        processing.receive(record.topic(), record.topic() + "-" + record.partition() + "@" + record.offset(),
                record.value() == null ? "" : record.value());
    }
}
