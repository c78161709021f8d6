package org.waypoint.notification.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.waypoint.testsupport.FakeKeycloakAdmin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.waypoint.notification.Events;
import org.waypoint.notification.Mailbox;
import org.waypoint.notification.NotificationServiceApplication;
import org.waypoint.plan.api.PlanTopics;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKafka;
import org.waypoint.testsupport.TestKeycloak;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * The Keycloak directory (Admin API through Resilience4j) going away and coming back: alerts wait
 * in the inbox, are neither dropped nor sent to a guessed address, and go out once when it is back.
 */
class DirectoryOutageTest {

    static final String JAMIE = "jamie.wilson@waypoint.example";
    static final String SARAH = "sarah.campbell@waypoint.example";

    InMemoryMongo mongo;
    TestKafka kafka;
    TestKeycloak keycloak;
    Mailbox mail;
    FakeKeycloakAdmin directory;
    ConfigurableApplicationContext app;

    @BeforeEach
    void start() {
        mongo = InMemoryMongo.start();
        kafka = TestKafka.start(PlanTopics.PLANS);
        keycloak = TestKeycloak.start();
        mail = Mailbox.onFreePort().up();
        directory = new FakeKeycloakAdmin(TestKafka.freePort(), List.of(
                FakeKeycloakAdmin.user("jamie.lead", "Jamie", "Wilson", JAMIE, "sarah.manager", "Children and Justice"),
                FakeKeycloakAdmin.user("sarah.manager", "Sarah", "Campbell", SARAH, null, "Children and Justice")));
        Map<String, String> props = new HashMap<>(Map.of(
                "spring.mongodb.uri", mongo.uri("notifications-directory-test"),
                "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                "waypoint.keycloak.url", keycloak.url(),
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(mail.port()),
                "waypoint.mail.dispatch-interval", "PT0.1S",
                "waypoint.directory.source", "keycloak",
                "waypoint.directory.keycloak.url", directory.url(),
                "waypoint.directory.keycloak.client-secret", "s3cret"));
        props.putAll(Map.of(
                "waypoint.notifications.directory-retry", "PT0.5S",
                "waypoint.notifications.retry-interval", "PT0.3S",
                "waypoint.notifications.digests-enabled", "false",
                "resilience4j.circuitbreaker.instances.directory.wait-duration-in-open-state", "500ms",
                "resilience4j.retry.instances.directory.wait-duration", "50ms"));
        app = Services.start(NotificationServiceApplication.class, NotificationServiceApplication.CONFIG_NAME,
                WebApplicationType.SERVLET, props);
    }

    @AfterEach
    void stop() {
        app.close();
        directory.close();
        mail.close();
        keycloak.close();
        kafka.close();
        mongo.close();
    }

    @Test
    void whileTheDirectoryIsDownAlertsWaitAndWhenItIsBackEachIsSentOnce() {
        String admin = keycloak.token("ruth.admin", "ruth.taylor@waypoint.example", "admin");
        String url = Services.url(app) + "/api/notifications";
        String id = "action-" + UUID.randomUUID();
        publish(id, Events.cloudEvent("plan", "ActionBecameOverdue", id, Events.overdue(id, "SAFE-2",
                "Support the implementation of the new MAPPA standards", Events.jamie())));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                Services.get(url + "/events?status=WAITING", admin).body().contains("directory unavailable"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                app.getBean(CircuitBreakerRegistry.class).circuitBreaker("directory").getMetrics().getNumberOfFailedCalls() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> mail.all().isEmpty());

        directory.up();

        await().atMost(Duration.ofSeconds(30)).until(() -> mail.all().size() >= 2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> mail.all().size() == 2);
        assertThat(mail.all()).extracting(Mailbox.Mail::to).containsExactlyInAnyOrder(JAMIE, SARAH);
        assertThat(mail.all()).allMatch(m -> m.subject().startsWith("Overdue action: SAFE-2 "));
        assertThat(Services.get(url + "/events?status=WAITING", admin).body()).isEqualTo("[]");

        // Known people are cached: a second alert needs no lookup, even with the directory gone again.
        int lookups = directory.userLookups();
        directory.down();
        String second = "action-" + UUID.randomUUID();
        publish(second, Events.cloudEvent("plan", "ActionBecameOverdue", second, Events.overdue(second, "SAFE-3",
                "Implement the Safe and Together model", Events.jamie())));
        await().atMost(Duration.ofSeconds(30)).until(() -> mail.about("SAFE-3").size() == 2);
        assertThat(directory.userLookups()).isEqualTo(lookups);
    }

    private void publish(String key, String event) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(PlanTopics.PLANS, key, event));
        }
    }
}
