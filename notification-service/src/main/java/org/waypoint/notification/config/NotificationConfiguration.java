package org.waypoint.notification.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.waypoint.notification.alert.application.NotificationProperties;
import org.waypoint.notification.alert.domain.RuleBook;
import org.waypoint.notification.api.NotificationTopics;

/** The rule book from configuration, and the dead-letter topic notification-service owns. */
@Configuration(proxyBeanMethods = false)
public class NotificationConfiguration {

    @Bean
    RuleBook ruleBook(NotificationProperties properties) {
        return properties.ruleBook();
    }

    @Bean
    NewTopic deadLetterTopic(@Value("${waypoint.kafka.partitions:3}") int partitions,
                             @Value("${waypoint.kafka.replicas:1}") short replicas) {
        return TopicBuilder.name(NotificationTopics.DEAD_LETTERS).partitions(partitions).replicas(replicas).build();
    }
}
