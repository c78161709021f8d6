package org.waypoint.notification;

import static org.waypoint.testsupport.AuthorizationMatrix.AREA;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER_EMAIL;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.notification.alert.application.AlertStore;
import org.waypoint.notification.alert.application.DeadLetters;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.Audience;
import org.waypoint.testsupport.AuthorizationMatrix;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.Services;
import org.waypoint.testsupport.TestKeycloak;

/**
 * Every endpoint of notification-service, called as anonymous, as each role, in and out of the
 * service area, against {@code authorization-matrix.yml}; a new endpoint without an entry fails
 * the build. No broker and no mail server: the fixtures are stored directly, and nothing here
 * needs either.
 */
class AuthorizationMatrixTest {

    static InMemoryMongo mongo;
    static TestKeycloak keycloak;
    static ConfigurableApplicationContext app;
    static String base;
    static AuthorizationMatrix matrix;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start();
        keycloak = TestKeycloak.start();
        Map<String, String> props = new HashMap<>(Map.of(
                "spring.mongodb.uri", mongo.uri("notifications-matrix-test"),
                "spring.kafka.bootstrap-servers", "127.0.0.1:1",
                "spring.kafka.listener.auto-startup", "false",
                "spring.kafka.admin.auto-create", "false",
                "waypoint.keycloak.url", keycloak.url(),
                "waypoint.outbox.relay.enabled", "false",
                "spring.mail.host", "127.0.0.1",
                "spring.mail.port", "1",
                "waypoint.mail.dispatch-interval", "PT1H"));
        props.put("waypoint.notifications.digests-enabled", "false");
        app = Services.start(NotificationServiceApplication.class, NotificationServiceApplication.CONFIG_NAME,
                WebApplicationType.SERVLET, props);
        base = Services.url(app);
        matrix = AuthorizationMatrix.load("/authorization-matrix.yml", keycloak);
    }

    @AfterAll
    static void stop() {
        app.close();
        keycloak.close();
        mongo.close();
    }

    @Test
    void everyEndpointHasAnEntryInTheMatrixAndEveryEntryAnEndpoint() {
        matrix.assertCovers(app);
    }

    @Test
    void everyCallerGetsWhatTheMatrixSays() {
        matrix.assertAsExpected(matrix.run(base, AuthorizationMatrixTest::fixtures), "notification-service");
    }

    @Test
    void theApiDescriptionIsOpenWithoutAToken() {
        AuthorizationMatrix.assertOpenToAnonymous(base, "/v3/api-docs");
    }

    /** A notification sent to the owner, and the same one as an undeliverable dead letter. */
    static Map<String, String> fixtures() {
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        for (String collection : new String[] {"alerts", "dead_letters", "preferences", "events", "escalations"}) {
            mongo.remove(new Query(), collection);
        }
        Instant now = Instant.now();
        String alertId = UUID.randomUUID().toString();
        app.getBean(AlertStore.class).addIfNew(new Alert(alertId, "action-overdue", "action", "action-1", "OVERDUE",
                "event-" + alertId, OWNER_EMAIL, OWNER, "Olive Owner", Audience.SUBJECT, AREA,
                "Overdue action: SP-1 Matrix action", "The action is overdue.", "<p>The action is overdue.</p>",
                "https://waypoint.test/actions/action-1", now), AlertStore.Status.SENT);
        String deadLetterId = UUID.randomUUID().toString();
        app.getBean(DeadLetters.class).add(new DeadLetters.DeadLetter(deadLetterId, DeadLetters.Kind.UNDELIVERABLE_ALERT,
                DeadLetters.Status.DEAD, "550 mailbox unavailable", 10, null, "event-" + alertId, null, null, alertId,
                OWNER_EMAIL, now, null, null));
        return Map.of("notification", alertId, "deadLetter", deadLetterId);
    }
}
