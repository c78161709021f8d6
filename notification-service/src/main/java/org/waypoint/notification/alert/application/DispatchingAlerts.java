package org.waypoint.notification.alert.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.waypoint.notification.alert.domain.Alert;

/**
 * Use case: send pending alerts. Each is claimed before it is sent and marked sent after, so two
 * dispatchers never send the same alert; a failed send is retried with growing delays.
 */
@Service
public class DispatchingAlerts {

    private static final Logger log = LoggerFactory.getLogger(DispatchingAlerts.class);
    static final int MAX_ATTEMPTS = 10;

    private final AlertStore store;
    private final AlertSender sender;
    private final Clock clock;

    public DispatchingAlerts(AlertStore store, AlertSender sender, Clock clock) {
        this.store = store;
        this.sender = sender;
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
                sent++;
            } catch (RuntimeException e) {
                Instant retryAt = clock.instant().plus(Duration.ofSeconds(Math.min(300, 5L << Math.min(attempt, 6))));
                log.warn("Could not send alert {} to {}: {}", alert.id(), alert.recipientEmail(), e.getMessage());
                store.markFailed(alert.id(), e.getClass().getSimpleName() + ": " + e.getMessage(), retryAt,
                        attempt >= MAX_ATTEMPTS);
                break; // the mail server is probably down: try again on the next pass
            }
        }
        return sent;
    }
}
