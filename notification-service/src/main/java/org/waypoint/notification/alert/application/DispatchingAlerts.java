package org.waypoint.notification.alert.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.waypoint.notification.alert.domain.Alert;

/**
 * Use case: send pending alerts. Each is claimed before it is sent and marked sent after, so two
 * dispatchers never send the same alert; a failed send is retried with growing delays, and after
 * the last attempt the alert is dead-lettered. Alerts are claimed and sent in batches: one claim
 * pass and one mail connection for up to {@code batchSize} alerts.
 */
@Service
public class DispatchingAlerts {

    /** Alerts claimed and sent together when the caller does not say. */
    public static final int DEFAULT_BATCH = 20;

    private static final Logger log = LoggerFactory.getLogger(DispatchingAlerts.class);

    /** What one batch did: alerts claimed, sent, and refused by the mail server (to retry later or dead-lettered). */
    public record Pass(int claimed, int sent, int failed) {
        public static final Pass NONE = new Pass(0, 0, 0);
    }

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

    /** Sends batches until nothing is due or the mail server refuses something. @return how many alerts were sent */
    public int dispatchPending() {
        return dispatchPending(DEFAULT_BATCH);
    }

    /** As {@link #dispatchPending()}, {@code batchSize} alerts at a time. */
    public int dispatchPending(int batchSize) {
        int sent = 0;
        Pass pass;
        do {
            pass = dispatchBatch(batchSize);
            sent += pass.sent();
        } while (pass.claimed() > 0 && pass.failed() == 0);
        return sent;
    }

    /** Claims up to {@code max} due alerts and sends them over one mail connection. */
    public Pass dispatchBatch(int max) {
        List<AlertStore.Claim> claims = store.claim(clock.instant(), max);
        if (claims.isEmpty()) {
            return Pass.NONE;
        }
        Map<String, RuntimeException> refused;
        try {
            refused = sender.sendAll(claims.stream().map(AlertStore.Claim::alert).toList());
        } catch (RuntimeException e) { // a sender that could not say which were accepted: none were
            refused = new LinkedHashMap<>();
            for (AlertStore.Claim claim : claims) {
                refused.put(claim.alert().id(), e);
            }
        }
        List<String> sent = new ArrayList<>();
        for (AlertStore.Claim claim : claims) {
            if (!refused.containsKey(claim.alert().id())) {
                sent.add(claim.alert().id());
            }
        }
        store.markSent(sent, clock.instant());
        for (AlertStore.Claim claim : claims) {
            RuntimeException failure = refused.get(claim.alert().id());
            if (failure == null) {
                metrics.sent(claim.attempt());
            } else {
                failed(claim.alert(), claim.attempt(), failure);
            }
        }
        return new Pass(claims.size(), sent.size(), refused.size());
    }

    /**
     * Puts back into the send queue any pending alert left out of it (after a crash between recording
     * and queueing). @return how many were put back
     */
    public int restoreQueue() {
        return store.restoreQueue(clock.instant());
    }

    private void failed(Alert alert, int attempt, RuntimeException e) {
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
    }
}
