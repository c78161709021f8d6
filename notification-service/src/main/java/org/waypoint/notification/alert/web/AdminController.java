package org.waypoint.notification.alert.web;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.waypoint.notification.alert.application.DeadLetters;
import org.waypoint.notification.alert.application.DeliveryLog;
import org.waypoint.notification.alert.application.DeliveryQueries;
import org.waypoint.notification.alert.application.EventInbox;
import org.waypoint.notification.alert.application.ManagingDeadLetters;
import org.waypoint.notification.alert.application.Page;
import org.waypoint.notification.alert.domain.AlertStatus;
import org.waypoint.platform.validation.InvalidInputException;

import tools.jackson.databind.JsonNode;

/**
 * For administrators (auditors may read): the delivery log ({@code /api/notifications/deliveries}: each
 * alert's status, attempts, and whether a send of it may have been a second copy, {@code possibleDuplicate}),
 * events received and waiting ({@code /api/notifications/events}), dead letters and replay
 * ({@code /api/notifications/dead-letters}).
 */
@RestController
@RequestMapping("/api/notifications")
public class AdminController {

    static final String CAN_AUDIT = "hasAnyRole('admin','auditor')";
    static final String ADMIN = "hasRole('admin')";

    private final DeliveryQueries deliveries;
    private final ManagingDeadLetters deadLetters;

    public AdminController(DeliveryQueries deliveries, ManagingDeadLetters deadLetters) {
        this.deliveries = deliveries;
        this.deadLetters = deadLetters;
    }

    public record Delivery(String id, String rule, String itemKind, String itemId, String recipientEmail,
                           String recipientUsername, String audience, String subject, String status, int attempts,
                           String lastError, Instant raisedAt, Instant sentAt, String digestId, String sourceEventId,
                           boolean possibleDuplicate, int possibleDuplicates) {
    }

    public record ReceivedEvent(String eventId, String topic, String type, String status, int attempts,
                                Instant receivedAt, Instant nextAttemptAt, String lastError) {
    }

    public record ReplayBody(JsonNode correctedEvent) {
    }

    public record ReplayResponse(DeadLetters.DeadLetter deadLetter, String outcome) {
    }

    @GetMapping("/deliveries")
    @PreAuthorize(CAN_AUDIT)
    public Page<Delivery> deliveries(@RequestParam(required = false) String status, @RequestParam(required = false) String rule,
                                     @RequestParam(required = false) String recipient,
                                     @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                     @RequestParam(required = false) Boolean possibleDuplicate,
                                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        var found = deliveries.deliveries(new DeliveryLog.Filter(Paging.parse(AlertStatus.class, "status", status), rule,
                recipient, from, to, possibleDuplicate), page, size);
        return new Page<>(found.items().stream().map(s -> new Delivery(s.alert().id(), s.alert().rule(),
                s.alert().itemKind(), s.alert().itemId(), s.alert().recipientEmail(), s.alert().recipientUsername(),
                s.alert().audience() == null ? null : s.alert().audience().name(), s.alert().subject(), s.status().name(),
                s.attempts(), s.lastError(), s.alert().raisedAt(), s.sentAt(), s.digestId(), s.alert().sourceEventId(),
                s.possibleDuplicate(), s.possibleDuplicates()))
                .toList(), found.total(), page, size);
    }

    @GetMapping("/events")
    @PreAuthorize(CAN_AUDIT)
    public List<ReceivedEvent> events(@RequestParam(required = false) String status,
                                      @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new InvalidInputException("limit", "must be between 1 and 500");
        }
        return deliveries.events(Paging.parse(EventInbox.Status.class, "status", status), limit).stream()
                .map(e -> new ReceivedEvent(e.eventId(), e.topic(), e.type(), e.status().name(), e.attempts(),
                        e.receivedAt(), e.nextAttemptAt(), e.lastError()))
                .toList();
    }

    @GetMapping("/dead-letters")
    @PreAuthorize(CAN_AUDIT)
    public Page<DeadLetters.DeadLetter> deadLetters(@RequestParam(required = false) String status,
                                                    @RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "50") int size) {
        Paging.check(page, size);
        return deadLetters.list(Paging.parse(DeadLetters.Status.class, "status", status), page, size);
    }

    @GetMapping("/dead-letters/{id}")
    @PreAuthorize(CAN_AUDIT)
    public DeadLetters.DeadLetter deadLetter(@PathVariable String id) {
        return deadLetters.get(id);
    }

    /** Replays a dead letter once; a poison event may be replaced by {@code {"correctedEvent": {...CloudEvent...}}}. */
    @PostMapping("/dead-letters/{id}/replay")
    @PreAuthorize(ADMIN)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ReplayResponse replay(@PathVariable String id, @RequestBody(required = false) ReplayBody body, Authentication auth) {
        String corrected = null;
        if (body != null && body.correctedEvent() != null && !body.correctedEvent().isNull()) {
            if (!body.correctedEvent().isObject()) {
                throw new InvalidInputException("correctedEvent", "must be a whole CloudEvent as a JSON object");
            }
            corrected = body.correctedEvent().toString();
        }
        var replayed = deadLetters.replay(id, corrected, auth.getName());
        return new ReplayResponse(replayed.deadLetter(), replayed.outcome());
    }
}
