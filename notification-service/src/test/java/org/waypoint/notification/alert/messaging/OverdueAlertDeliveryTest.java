package org.waypoint.notification.alert.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.waypoint.notification.NotificationServiceApplication;
import org.waypoint.plan.api.ActionBecameOverdue;
import org.waypoint.plan.api.LeadRef;
import org.waypoint.plan.api.PlanEvent;
import org.waypoint.plan.api.PlanTopics;
import org.waypoint.platform.events.CloudEvent;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKafka;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.json.JsonMapper;

/** notification-service against a real broker, the MongoDB-compatible server and real SMTP. */
class OverdueAlertDeliveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private InMemoryMongo mongo;
    private TestKafka kafka;
    private TestKeycloak keycloak;
    private GreenMail smtp;
    private ConfigurableApplicationContext app;

    @BeforeEach
    void start() {
        mongo = InMemoryMongo.start();
        kafka = TestKafka.start(PlanTopics.PLANS);
        keycloak = TestKeycloak.start();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        keycloak.close();
        kafka.close();
        mongo.close();
    }

    @Test
    void aRedeliveredOrRepeatedOverdueEventEmailsEachPersonOnce() {
        smtp = startSmtp(0);
        app = startNotificationService(smtp.getSmtp().getPort());
        ActionBecameOverdue overdue = overdue();
        String eventId = UUID.randomUUID().toString();

        publish(eventId, overdue);
        publish(eventId, overdue); // redelivery of the same event
        publish(UUID.randomUUID().toString(), overdue); // a second announcement of the same thing

        await().atMost(Duration.ofSeconds(30)).until(() -> smtp.getReceivedMessages().length >= 2);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> smtp.getReceivedMessages().length == 2);
        assertThat(recipients()).containsExactlyInAnyOrder("jamie.wilson@waypoint.example", "sarah.campbell@waypoint.example");
    }

    @Test
    void alertsRaisedWhileTheMailServerIsDownAreSentWhenItIsBack() {
        int smtpPort = TestKafka.freePort();
        app = startNotificationService(smtpPort);

        publish(UUID.randomUUID().toString(), overdue());
        String sarah = keycloak.token("sarah.manager", "sarah.campbell@waypoint.example", "manager");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Services.get(Services.url(app) + "/api/notifications", sarah).body().contains("\"attempts\":1"));

        smtp = startSmtp(smtpPort);

        await().atMost(Duration.ofSeconds(60)).until(() -> smtp.getReceivedMessages().length == 2);
        assertThat(Services.get(Services.url(app) + "/api/notifications", sarah).body()).doesNotContain("PENDING");
    }

    @Test
    void onlyManagersAndPerformanceOfficersMaySeeWhatWasSent() {
        smtp = startSmtp(0);
        app = startNotificationService(smtp.getSmtp().getPort());
        String staff = keycloak.token("jamie.lead", "jamie.wilson@waypoint.example", "staff");
        assertThat(Services.get(Services.url(app) + "/api/notifications", staff).statusCode()).isEqualTo(403);
        assertThat(Services.get(Services.url(app) + "/api/notifications", null).statusCode()).isEqualTo(401);
        assertThat(Services.get(Services.url(app) + "/api/notifications?limit=0",
                keycloak.token("sarah.manager", "s@w.example", "manager")).statusCode()).isEqualTo(400);
    }

    private ConfigurableApplicationContext startNotificationService(int smtpPort) {
        return Services.start(NotificationServiceApplication.class, NotificationServiceApplication.CONFIG_NAME,
                WebApplicationType.SERVLET, Map.of(
                        "spring.mongodb.uri", mongo.uri("notifications-test"),
                        "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                        "waypoint.keycloak.url", keycloak.url(),
                        "spring.mail.host", "127.0.0.1",
                        "spring.mail.port", String.valueOf(smtpPort),
                        "waypoint.mail.dispatch-interval", "PT0.2S"));
    }

    private static GreenMail startSmtp(int port) {
        GreenMail greenMail = new GreenMail(port == 0 ? ServerSetup.SMTP.dynamicPort()
                : new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }

    private static ActionBecameOverdue overdue() {
        return new ActionBecameOverdue("action-7", "plan-1", "SAFE-2", "Support the new MAPPA standards",
                "Justice Services", List.of(new LeadRef("Jamie Wilson", "jamie.lead", null)),
                LocalDate.of(2022, 3, 31), "2021", 40, LocalDate.of(2022, 4, 1));
    }

    private void publish(String eventId, ActionBecameOverdue event) {
        CloudEvent<ActionBecameOverdue> envelope = new CloudEvent<>(CloudEvent.SPEC_VERSION, eventId, PlanTopics.SOURCE,
                PlanEvent.typeOf(ActionBecameOverdue.class), event.actionId(), Instant.now(), "application/json",
                PlanEvent.schemaOf(ActionBecameOverdue.class), event);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(PlanTopics.PLANS, event.actionId(), JSON.writeValueAsString(envelope)));
        }
    }

    private List<String> recipients() {
        return java.util.Arrays.stream(smtp.getReceivedMessages()).map(m -> {
            try {
                return m.getAllRecipients()[0].toString();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
