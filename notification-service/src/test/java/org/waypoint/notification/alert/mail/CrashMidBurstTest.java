package org.waypoint.notification.alert.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import jakarta.mail.MessagingException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.waypoint.notification.Events;
import org.waypoint.notification.Mailbox;
import org.waypoint.notification.NotificationServiceApplication;
import org.waypoint.notification.alert.application.AlertSender;
import org.waypoint.notification.alert.application.AlertStore;
import org.waypoint.notification.alert.application.DeadLetters;
import org.waypoint.notification.alert.application.DispatchingAlerts;
import org.waypoint.notification.alert.application.NotificationMetrics;
import org.waypoint.notification.alert.application.NotificationProperties;
import org.waypoint.notification.alert.application.ProcessingEvents;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 15: notification-service dies (as with {@code kill -9}) in the middle of a burst of 100 alerts
 * while its four workers are each in the middle of a batch over SMTP, then starts again on the same
 * database: every alert arrives (the MongoDB-compatible server, GreenMail), the ones sent twice are at
 * most the messages that were being handed over (one per worker), each second copy carries the same
 * {@code Message-ID} as the first, and the metrics and the delivery log count them.
 */
class CrashMidBurstTest {

    private static final int WORKERS = 4;
    private static final int EVENTS = 50; // two alerts each: the lead and their manager
    private static final String DATABASE = "notifications-crash";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InMemoryMongo mongo = InMemoryMongo.start();
    private final TestKeycloak keycloak = TestKeycloak.start();
    private final Mailbox mail = Mailbox.onFreePort().up();
    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

    @AfterEach
    void stop() {
        apps.forEach(ConfigurableApplicationContext::close);
        mail.close();
        keycloak.close();
        mongo.close();
    }

    private ConfigurableApplicationContext start(boolean sending) {
        Map<String, String> props = new HashMap<>(Map.of(
                "spring.mongodb.uri", mongo.uri(DATABASE),
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "spring.kafka.admin.auto-create", "false",
                "spring.kafka.listener.auto-startup", "false",
                "waypoint.keycloak.url", keycloak.url(),
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", String.valueOf(mail.port()),
                "waypoint.notifications.digests-enabled", "false",
                "waypoint.scheduling.enabled", String.valueOf(sending)));
        props.putAll(Map.of(
                "waypoint.mail.dispatch-workers", String.valueOf(WORKERS),
                "waypoint.mail.dispatch-interval", "PT0.2S",
                // short for the test; long enough that a message being handed over is not taken over on a loaded machine
                "waypoint.mail.sending-lease", "PT5S",
                "waypoint.outbox.relay.enabled", "false"));
        ConfigurableApplicationContext app = Services.start(NotificationServiceApplication.class,
                NotificationServiceApplication.CONFIG_NAME, WebApplicationType.SERVLET, props);
        apps.add(app);
        return app;
    }

    /** What kill -9 does to a thread: nothing after it runs. */
    private static final class Killed extends Error {
    }

    /**
     * The service's own SMTP sender, in a process that dies once the mail server has accepted the
     * {@code n}-th message of a worker: the server has it, the service never records it.
     */
    private static AlertSender dyingAfter(AlertSender smtp, int n) {
        AtomicInteger accepted = new AtomicInteger();
        return new AlertSender() {
            @Override
            public void send(Alert alert) {
                smtp.send(alert);
            }

            @Override
            public void sendEach(List<Alert> alerts, Delivery delivery) {
                smtp.sendEach(alerts, new Delivery() {
                    @Override
                    public boolean sending(Alert alert) {
                        return delivery.sending(alert);
                    }

                    @Override
                    public void accepted(Alert alert) {
                        if (accepted.incrementAndGet() == n) {
                            throw new Killed();
                        }
                        delivery.accepted(alert);
                    }

                    @Override
                    public void refused(Alert alert, RuntimeException why, boolean outcomeUnknown) {
                        delivery.refused(alert, why, outcomeUnknown);
                    }
                });
            }
        };
    }

    @Test
    void aCrashInTheMiddleOfABurstLosesNoAlertAndSendsTwiceAtMostTheMessageInFlightOnEachConnection() throws Exception {
        // The first process: 100 alerts raised from 50 overdue actions, then four workers each die mid-batch.
        ConfigurableApplicationContext first = start(false);
        List<ProcessingEvents.Incoming> burst = new ArrayList<>();
        for (int i = 1; i <= EVENTS; i++) {
            String id = "action-crash-" + i + "-" + UUID.randomUUID();
            burst.add(new ProcessingEvents.Incoming("waypoint.plans.v1", Events.cloudEvent("plan", "ActionBecameOverdue", id,
                    Events.overdue(id, "CRASH-" + i, "Review the out of hours social work service", Events.jamie()))));
        }
        assertThat(first.getBean(ProcessingEvents.class).receiveAll(burst)).containsOnly(ProcessingEvents.Outcome.PROCESSED);
        AlertStore store = first.getBean(AlertStore.class);
        assertThat(store.search(new AlertStore.Filter(AlertStore.Status.PENDING, null, null, null, null), 0, 1).total())
                .isEqualTo(2L * EVENTS);
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            DispatchingAlerts dying = new DispatchingAlerts(store, dyingAfter(first.getBean(SmtpAlertSender.class), 3 + 4 * w),
                    first.getBean(DeadLetters.class), new NotificationMetrics(new SimpleMeterRegistry(),
                    first.getBean(org.waypoint.notification.alert.application.EventInbox.class)),
                    first.getBean(NotificationProperties.class), Clock.systemUTC(), Duration.ofSeconds(5));
            Thread worker = new Thread(() -> {
                while (true) {
                    dying.dispatchBatch(DispatchingAlerts.DEFAULT_BATCH);
                }
            });
            worker.setUncaughtExceptionHandler((t, e) -> { });
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join(60_000);
            assertThat(worker.isAlive()).isFalse();
        }
        first.close(); // the process is gone
        int acceptedBeforeTheCrash = mail.all().size();
        assertThat(acceptedBeforeTheCrash).isEqualTo(3 + 7 + 11 + 15);

        // The service starts again on the same database: everything left SENDING is taken over after the lease.
        ConfigurableApplicationContext restarted = start(true);
        await().atMost(Duration.ofSeconds(120)).until(() -> copiesByAlert().size() == 2 * EVENTS);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(15)).until(() -> mail.all().size() == 2 * EVENTS + WORKERS);

        Map<String, List<String>> copies = copiesByAlert();
        assertThat(copies).as("every alert arrived").hasSize(2 * EVENTS);
        Map<String, List<String>> doubled = new LinkedHashMap<>();
        copies.forEach((alertId, messageIds) -> {
            if (messageIds.size() > 1) {
                doubled.put(alertId, messageIds);
            }
        });
        assertThat(doubled).as("sent twice: only the message each worker was handing over").hasSize(WORKERS);
        doubled.forEach((alertId, messageIds) -> assertThat(messageIds).as(alertId).hasSize(2)
                .containsOnly(SmtpAlertSender.messageId(alertId)));
        copies.forEach((alertId, messageIds) -> assertThat(messageIds).containsOnly(SmtpAlertSender.messageId(alertId)));

        MeterRegistry meters = restarted.getBean(MeterRegistry.class);
        assertThat(meters.counter("waypoint.notifications.possible.duplicates").count()).isEqualTo(WORKERS);
        String admin = keycloak.token("ruth.admin", "ruth.taylor@waypoint.example", "admin");
        String deliveries = Services.url(restarted) + "/api/notifications/deliveries";
        JsonNode flagged = JSON.readTree(Services.get(deliveries + "?possibleDuplicate=true&size=200", admin).body());
        List<String> flaggedIds = new ArrayList<>();
        for (JsonNode d : flagged.path("items")) {
            flaggedIds.add(d.path("id").asString());
            assertThat(d.path("possibleDuplicate").asBoolean()).isTrue();
            // two at least: the first, and the resend (a slow batch's other alerts may be taken over once more, unsent)
            assertThat(d.path("attempts").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(d.path("status").asString()).isEqualTo("SENT");
        }
        assertThat(flaggedIds).containsExactlyInAnyOrderElementsOf(doubled.keySet());
        assertThat(JSON.readTree(Services.get(deliveries + "?status=SENT&size=1", admin).body()).path("total").asLong())
                .isEqualTo(2L * EVENTS);
    }

    /** The Message-IDs received, by the alert each email says it is. */
    private Map<String, List<String>> copiesByAlert() throws MessagingException {
        Map<String, List<String>> copies = new HashMap<>();
        for (Mailbox.Mail m : mail.all()) {
            String[] alert = m.message().getHeader("X-Waypoint-Alert");
            copies.computeIfAbsent(alert[0], k -> new ArrayList<>()).add(m.message().getMessageID());
        }
        return copies;
    }
}
