package org.waypoint.risk.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.waypoint.risk.api.RiskTopics;

/** risk-service owns {@link RiskTopics#RISKS} and creates it when it is missing. */
@Configuration(proxyBeanMethods = false)
public class TopicConfiguration {

    @Bean
    NewTopic risksTopic(@Value("${waypoint.kafka.partitions:3}") int partitions,
                        @Value("${waypoint.kafka.replicas:1}") short replicas) {
        return TopicBuilder.name(RiskTopics.RISKS).partitions(partitions).replicas(replicas).build();
    }
}
