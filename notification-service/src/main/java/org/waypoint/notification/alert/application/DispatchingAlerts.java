package org.waypoint.notification.alert.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.waypoint.notification.alert.domain.Alert;

/**
 * Use case: send pending alerts (ADR 43). Alerts are claimed in batches (one claim pass and one mail
 * connection for up to {@code batchSize}), each under a lease; what happens to each is recorded as it
 * happens: just before its message goes to the mail server it is marked in flight (only if the claim
 * is still this sender's), and it is marked SENT as soon as the server accepted it. So a sender that
 * dies leaves at most the one message it was handing over in doubt; every alert it had claimed is taken
 * again when its lease runs out, and the one in doubt is sent again with the same {@code Message-ID}
 * and counted as a possible duplicate. A failed send is retried with growing delays, and after the last
 * attempt the alert is dead-lettered.
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

    private final SendQueue queue;
    private final AlertSender sender;
    private final DeadLetters deadLetters;
    private final NotificationMetrics metrics;
    private final NotificationProperties settings;
    private final Clock clock;
    private final Duration lease;

    @Autowired
    public DispatchingAlerts(SendQueue queue, AlertSender sender, DeadLetters deadLetters, NotificationMetrics metrics,
                             NotificationProperties settings, Clock clock,
                             @Value("${waypoint.mail.sending-lease:PT1M}") Duration lease) {
        if (lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("waypoint.mail.sending-lease must be positive");
        }
        this.queue = queue;
        this.sender = sender;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.settings = settings;
        this.clock = clock;
        this.lease = lease;
    }

    public DispatchingAlerts(SendQueue queue, AlertSender sender, DeadLetters deadLetters, NotificationMetrics metrics,
                             NotificationProperties settings, Clock clock) {
        this(queue, sender, deadLetters, metrics, settings, clock, SendQueue.DEFAULT_LEASE);
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
        return dispatchBatch(max, () -> true);
    }

    /**
     * As {@link #dispatchBatch(int)}; when {@code keepGoing} turns false (the service stopping) the alerts of
     * the batch not yet handed to the mail server are given back to the queue, their attempt not counted.
     */
    public Pass dispatchBatch(int max, BooleanSupplier keepGoing) {
        List<SendQueue.Claim> claims = queue.claim(clock.instant(), max, lease);
        if (claims.isEmpty()) {
            return Pass.NONE;
        }
        Map<String, SendQueue.Claim> byId = new LinkedHashMap<>();
        for (SendQueue.Claim claim : claims) {
            byId.put(claim.alert().id(), claim);
            if (claim.possibleDuplicate()) {
                metrics.possibleDuplicate();
            }
        }
        Set<String> answered = new HashSet<>();
        Set<String> handedOver = new HashSet<>();
        List<String> sent = new ArrayList<>();
        int[] failed = {0};
        AlertSender.Delivery delivery = new AlertSender.Delivery() {
            @Override
            public boolean sending(Alert alert) {
                SendQueue.Claim claim = byId.get(alert.id());
                if (!keepGoing.getAsBoolean()) {
                    return false; // given back below
                }
                if (!queue.markInFlight(claim, clock.instant(), lease)) {
                    answered.add(alert.id()); // taken over by another sender after the lease ran out: theirs now
                    log.warn("Alert {} was taken over by another sender before it was sent here; not sent here", alert.id());
                    return false;
                }
                handedOver.add(alert.id());
                return true;
            }

            @Override
            public void accepted(Alert alert) {
                answered.add(alert.id());
                queue.markSent(alert.id(), clock.instant());
                sent.add(alert.id());
                metrics.sent(byId.get(alert.id()).attempt());
            }

            @Override
            public void refused(Alert alert, RuntimeException why, boolean outcomeUnknown) {
                answered.add(alert.id());
                failed[0]++;
                failed(byId.get(alert.id()), why, outcomeUnknown);
            }
        };
        try {
            sender.sendEach(claims.stream().map(SendQueue.Claim::alert).toList(), delivery);
        } catch (RuntimeException e) { // a sender that broke off: what it did not answer for was not sent
            for (SendQueue.Claim claim : claims) {
                if (!answered.contains(claim.alert().id())) {
                    delivery.refused(claim.alert(), e, handedOver.contains(claim.alert().id()));
                }
            }
        }
        for (SendQueue.Claim claim : claims) {
            if (!answered.contains(claim.alert().id())) {
                queue.release(claim, clock.instant());
            }
        }
        queue.dequeue(sent);
        return new Pass(claims.size(), sent.size(), failed[0]);
    }

    /**
     * Puts back into the send queue any pending alert left out of it (after a crash between recording
     * and queueing). @return how many were put back
     */
    public int restoreQueue() {
        return queue.restoreQueue(clock.instant());
    }

    private void failed(SendQueue.Claim claim, RuntimeException e, boolean outcomeUnknown) {
        Alert alert = claim.alert();
        int attempt = claim.attempt();
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        boolean giveUp = claim.state().refused(error, settings.maxSendAttempts(), outcomeUnknown).givenUp();
        Instant retryAt = clock.instant().plus(settings.sendBackoffFor(attempt));
        log.warn("Could not send alert {} to {} (attempt {}{}): {}", alert.id(), alert.recipientEmail(), attempt,
                outcomeUnknown ? ", the mail server may have it" : "", error);
        queue.markFailed(claim, error, retryAt, giveUp, outcomeUnknown);
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
