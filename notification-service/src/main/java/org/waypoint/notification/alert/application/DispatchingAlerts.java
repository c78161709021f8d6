package org.waypoint.notification.alert.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.waypoint.notification.alert.domain.Alert;

/**
 * Use case: send pending alerts. Each is claimed before it is sent and marked sent after, so two
 * dispatchers never send the same alert; a failed send is retried with growing delays, and after
 * the last attempt the alert is dead-lettered.
 */
@Service
public class DispatchingAlerts {

    private static final Logger log = LoggerFactory.getLogger(DispatchingAlerts.class);

    private final AlertStore store;
    private final AlertSender sender;
    private final DeadLetters deadLetters;
    private final NotificationMetrics metrics;
    private final NotificationProperties settings;
    private final Clock clock;

    public DispatchingAlerts(AlertStore store, AlertSender sender, DeadLetters deadLetters, NotificationMetrics metrics,
                             NotificationProperties settings, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many alerts were sent in this pass */
    public int dispatchPending() {
        int sent = 0;
        Optional<AlertStore.Claim> next;
        while ((next = store.claimNext(clock.instant())).isPresent()) {
            Alert alert = next.get().alert();
            int attempt = next.get().attempt();
            try {
                sender.send(alert);
                store.markSent(alert.id(), clock.instant());
                metrics.sent(attempt);
                sent++;
            } catch (RuntimeException e) {
                String error = e.getClass().getSimpleName() + ": " + e.getMessage();
                boolean giveUp = attempt >= settings.maxSendAttempts();
                Instant retryAt = clock.instant().plus(settings.sendBackoffFor(attempt));
                log.warn("Could not send alert {} to {} (attempt {}): {}", alert.id(), alert.recipientEmail(), attempt, error);
                store.markFailed(alert.id(), error, retryAt, giveUp);
                metrics.failed(attempt);
                if (giveUp) {
                    deadLetters.add(new DeadLetters.DeadLetter(UUID.randomUUID().toString(),
                            DeadLetters.Kind.UNDELIVERABLE_ALERT, DeadLetters.Status.DEAD,
                            "the mail server did not accept it after " + attempt + " attempts: " + error, attempt, null,
                            alert.sourceEventId(), null, null, alert.id(), alert.recipientEmail(), clock.instant(), null, null));
                    metrics.deadLettered();
                }
                break; // the mail server is probably down: try again on the next pass
            }
        }
        return sent;
    }
}
