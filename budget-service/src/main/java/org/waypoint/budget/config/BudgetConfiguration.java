package org.waypoint.budget.config;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.waypoint.budget.api.BudgetTopics;
import org.waypoint.budget.line.application.Organisations;
import org.waypoint.budget.line.domain.Thresholds;

/** budget-service wiring: its topic, thresholds and organisation catalogue from configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BudgetProperties.class)
public class BudgetConfiguration {

    @Bean
    NewTopic budgetsTopic(@Value("${waypoint.kafka.partitions:3}") int partitions,
                          @Value("${waypoint.kafka.replicas:1}") short replicas) {
        return TopicBuilder.name(BudgetTopics.BUDGETS).partitions(partitions).replicas(replicas).build();
    }

    @Bean
    Thresholds thresholds(BudgetProperties properties) {
        BudgetProperties.Thresholds t = properties.thresholds();
        return new Thresholds(t.amberAbovePercent() == null ? BigDecimal.ZERO : t.amberAbovePercent(),
                t.redAbovePercent() == null ? BigDecimal.ONE : t.redAbovePercent());
    }

    @Bean
    Organisations organisations(BudgetProperties properties) {
        return new Organisations() {
            @Override
            public List<String> names() {
                return properties.organisations().stream().map(BudgetProperties.Organisation::name).toList();
            }

            @Override
            public Optional<List<Division>> divisionsOf(String organisation) {
                return properties.organisations().stream()
                        .filter(o -> o.name().equalsIgnoreCase(organisation == null ? "" : organisation.strip()))
                        .findFirst()
                        .map(o -> o.divisions().stream().map(d -> new Division(d.name(), d.serviceArea())).toList());
            }
        };
    }
}
