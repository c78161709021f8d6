package org.waypoint.notification;

import static org.waypoint.testsupport.AuthorizationMatrix.AREA;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER;
import static org.waypoint.testsupport.AuthorizationMatrix.OWNER_EMAIL;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.waypoint.notification.alert.application.AlertStore;
import org.waypoint.notification.alert.application.DeadLetters;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.Audience;
import org.waypoint.testsupport.AuthorizationMatrixContract;
import org.waypoint.testsupport.InMemoryMongo;
import org.waypoint.testsupport.TestKeycloak;

/**
 * Every endpoint of notification-service, called as anonymous, as each role, in and out of the
 * service area, against {@code authorization-matrix.yml}; a new endpoint without an entry fails
 * the build. No broker and no mail server: the fixtures are stored directly, and nothing here
 * needs either.
 */
class AuthorizationMatrixTest extends AuthorizationMatrixContract {

    @Override
    protected ConfigurableApplicationContext startService(InMemoryMongo mongo, TestKeycloak keycloak) {
        return startWithoutBroker(NotificationServiceApplication.class, NotificationServiceApplication.CONFIG_NAME,
                "notifications-matrix-test", mongo, keycloak, Map.of(
                        "spring.kafka.listener.auto-startup", "false",
                        "spring.mail.host", "127.0.0.1",
                        "spring.mail.port", "1",
                        "waypoint.mail.dispatch-interval", "PT1H",
                        "waypoint.notifications.digests-enabled", "false"));
    }

    @Override
    protected String serviceName() {
        return "notification-service";
    }

    /** A notification sent to the owner, and the same one as an undeliverable dead letter. */
    @Override
    protected Map<String, String> fixtures() {
        MongoTemplate mongo = app().getBean(MongoTemplate.class);
        for (String collection : new String[] {"alerts", "dead_letters", "preferences", "events", "escalations"}) {
            mongo.remove(new Query(), collection);
        }
        Instant now = Instant.now();
        String alertId = UUID.randomUUID().toString();
        app().getBean(AlertStore.class).addIfNew(new Alert(alertId, "action-overdue", "action", "action-1", "OVERDUE",
                "event-" + alertId, OWNER_EMAIL, OWNER, "Olive Owner", Audience.SUBJECT, AREA,
                "Overdue action: SP-1 Matrix action", "The action is overdue.", "<p>The action is overdue.</p>",
                "https://waypoint.test/actions/action-1", now), AlertStore.Status.SENT);
        String deadLetterId = UUID.randomUUID().toString();
        app().getBean(DeadLetters.class).add(new DeadLetters.DeadLetter(deadLetterId, DeadLetters.Kind.UNDELIVERABLE_ALERT,
                DeadLetters.Status.DEAD, "550 mailbox unavailable", 10, null, "event-" + alertId, null, null, alertId,
                OWNER_EMAIL, now, null, null));
        return Map.of("notification", alertId, "deadLetter", deadLetterId);
    }
}
