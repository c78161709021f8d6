package org.waypoint.notification.alert.application;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.errors.NotFoundException;

/** Use case: list dead letters and replay one (a poison event, optionally corrected; or an undeliverable alert). */
@Service
public class ManagingDeadLetters {

    private final DeadLetters deadLetters;
    private final ProcessingEvents events;
    private final SendQueue alerts;
    private final Clock clock;

    public ManagingDeadLetters(DeadLetters deadLetters, ProcessingEvents events, SendQueue alerts, Clock clock) {
        this.deadLetters = deadLetters;
        this.events = events;
        this.alerts = alerts;
        this.clock = clock;
    }

    public Page<DeadLetters.DeadLetter> list(DeadLetters.Status status, int page, int size) {
        return new Page<>(deadLetters.list(status, page, size), deadLetters.count(status), page, size);
    }

    public DeadLetters.DeadLetter get(String id) {
        return deadLetters.byId(id).orElseThrow(() -> new NotFoundException("No dead letter " + id));
    }

    public record Replayed(DeadLetters.DeadLetter deadLetter, String outcome) {
    }

    /**
     * Replays a dead letter once. A poison event is processed again, with {@code correctedEvent}
     * (a whole CloudEvent as JSON) when given; an undeliverable alert goes back to the mail queue.
     */
    public Replayed replay(String id, String correctedEvent, String by) {
        DeadLetters.DeadLetter letter = get(id);
        if (letter.status() == DeadLetters.Status.REPLAYED) {
            throw new InvalidInputException("id", "this dead letter was replayed already, on " + letter.replayedAt());
        }
        String outcome;
        if (letter.kind() == DeadLetters.Kind.UNDELIVERABLE_ALERT) {
            if (correctedEvent != null) {
                throw new InvalidInputException("correctedEvent", "only a poison event can be corrected; this is an undeliverable alert");
            }
            alerts.requeue(letter.alertId(), clock.instant());
            outcome = "QUEUED";
        } else {
            String payload = correctedEvent != null ? correctedEvent : letter.payload();
            try {
                outcome = events.replay(letter.sourceTopic(), payload).name();
            } catch (org.waypoint.notification.alert.domain.InvalidEventException stillBad) {
                throw new InvalidInputException(correctedEvent != null ? "correctedEvent" : "id",
                        "still not a usable event: " + stillBad.getMessage());
            }
        }
        deadLetters.markReplayed(id, by, clock.instant());
        return new Replayed(get(id), outcome);
    }

    public List<DeadLetters.DeadLetter> recent(int limit) {
        return deadLetters.list(null, 0, limit);
    }
}
