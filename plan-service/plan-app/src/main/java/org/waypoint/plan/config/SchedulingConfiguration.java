package org.waypoint.plan.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs, each in a feature's {@code scheduling} package (the overdue scan); switched off with
 * {@code waypoint.scheduling.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "waypoint.scheduling.enabled", matchIfMissing = true)
public class SchedulingConfiguration {
}
