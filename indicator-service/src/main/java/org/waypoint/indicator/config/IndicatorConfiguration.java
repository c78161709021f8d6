package org.waypoint.indicator.config;

import java.math.BigDecimal;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.waypoint.indicator.api.IndicatorTopics;
import org.waypoint.indicator.indicator.application.OrganisationSettings;
import org.waypoint.indicator.indicator.domain.Tolerance;

/** The organisation's indicator settings, and the topic indicator-service owns (created when missing). */
@Configuration(proxyBeanMethods = false)
public class IndicatorConfiguration {

    @Bean
    OrganisationSettings organisationSettings(
            @Value("${waypoint.indicator.default-tolerance.kind:relative}") String kind,
            @Value("${waypoint.indicator.default-tolerance.amount:5}") BigDecimal amount,
            @Value("${waypoint.indicator.missing-after-days:30}") int missingAfterDays) {
        return new OrganisationSettings(new Tolerance(Tolerance.Kind.valueOf(kind.strip().toUpperCase()), amount),
                missingAfterDays);
    }

    @Bean
    NewTopic indicatorsTopic(@Value("${waypoint.kafka.partitions:3}") int partitions,
                             @Value("${waypoint.kafka.replicas:1}") short replicas) {
        return TopicBuilder.name(IndicatorTopics.INDICATORS).partitions(partitions).replicas(replicas).build();
    }
}
