package org.waypoint.platform.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.waypoint.platform.health.MongoPingHealthIndicator;
import org.waypoint.platform.outbox.MongoOutboxWriter;
import org.waypoint.platform.outbox.Outbox;
import org.waypoint.platform.outbox.OutboxRelay;
import org.waypoint.platform.outbox.OutboxWakeUp;
import org.waypoint.platform.scheduling.MongoLease;
import org.waypoint.platform.web.ProblemDetailsAdvice;
import org.waypoint.platform.web.ProblemErrorController;
import org.waypoint.platform.web.ProblemJsonErrorReportValve;
import org.waypoint.platform.web.QueryObjectBinding;

import tools.jackson.databind.json.JsonMapper;

/** Wires the shared pieces: clock, outbox and its relay, Mongo ping health, problem details. */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration", afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
public class WaypointPlatformAutoConfiguration {

    /** UK time: due dates and the financial year are read in Europe/London. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/London"));
    }

    /** JSON fields are what they say they are: no number read as text, no 50.5 read as 50 ({@link StrictJson}). */
    @Bean
    StrictJson strictJson() {
        return new StrictJson();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ProblemDetailsAdvice problemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    QueryObjectBinding queryObjectBinding() {
        return new QueryObjectBinding();
    }

    /** The container's error page answers problem+json too (in place of Boot's BasicErrorController). */
    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }

    /** Tomcat's own reports (requests it refuses before any servlet) as problem+json ({@link ProblemJsonErrorReportValve}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class TomcatErrorReports {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
                }
            });
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer")
    static class MongoClientTimeouts {
        @Bean
        DatabaseReachability databaseReachability() {
            return new DatabaseReachability();
        }

        @Bean
        MongoTimeouts mongoTimeouts(@Value("${waypoint.mongo.server-selection-timeout:2s}") Duration serverSelection,
                                    @Value("${waypoint.mongo.connect-timeout:2s}") Duration connect,
                                    @Value("${waypoint.mongo.heartbeat-frequency:2s}") Duration heartbeat,
                                    DatabaseReachability reachability) {
            return new MongoTimeouts(serverSelection, connect, heartbeat, reachability);
        }

        /** API requests are refused 503 at once while the database is down (the breaker of issue 15). */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        static class DatabaseOutageRefusal implements org.springframework.web.servlet.config.annotation.WebMvcConfigurer {
            private final DatabaseReachability reachability;

            DatabaseOutageRefusal(DatabaseReachability reachability) {
                this.reachability = reachability;
            }

            @Override
            public void addInterceptors(org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
                registry.addInterceptor(new DatabaseOutageGuard(reachability)).addPathPatterns("/api/**");
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    static class MongoLeases {
        @Bean
        @ConditionalOnBean(MongoTemplate.class)
        @ConditionalOnMissingBean
        MongoLease mongoLease(MongoTemplate mongo, Clock clock) {
            return new MongoLease(mongo, clock);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MongoTemplate.class)
    static class MongoHealth {
        @Bean
        @ConditionalOnBean(MongoTemplate.class)
        @ConditionalOnMissingBean(name = "mongoPingHealthIndicator")
        MongoPingHealthIndicator mongoPingHealthIndicator(MongoTemplate mongo) {
            return new MongoPingHealthIndicator(mongo);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MongoTemplate.class, KafkaTemplate.class})
    @ConditionalOnProperty(prefix = "waypoint.outbox", name = "collections")
    static class OutboxWiring {

        @Bean
        @ConditionalOnMissingBean
        Outbox outbox(@Value("${waypoint.event-source:/waypoint/${waypoint.service-name}}") String source,
                      JsonMapper json, Clock clock) {
            return new Outbox(source, json, clock);
        }

        @Bean
        @ConditionalOnMissingBean
        OutboxWakeUp outboxWakeUp() {
            return new OutboxWakeUp();
        }

        @Bean
        @ConditionalOnMissingBean
        MongoOutboxWriter mongoOutboxWriter(MongoTemplate mongo, OutboxWakeUp wakeUp) {
            return new MongoOutboxWriter(mongo, wakeUp);
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnProperty(prefix = "waypoint.outbox.relay", name = "enabled", matchIfMissing = true)
        OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka,
                                @Value("${waypoint.outbox.collections}") List<String> collections,
                                @Value("${waypoint.outbox.poll-interval:500ms}") Duration retryInterval,
                                @Value("${waypoint.outbox.sweep-interval:30s}") Duration sweepInterval,
                                @Value("${waypoint.outbox.send-timeout:30s}") Duration sendTimeout,
                                @Value("${waypoint.outbox.batch-size:100}") int batchSize, OutboxWakeUp wakeUp) {
            return new OutboxRelay(mongo, kafka, collections, retryInterval, sweepInterval, sendTimeout, batchSize, wakeUp);
        }
    }
}
