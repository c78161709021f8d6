package org.waypoint.notification.alert.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.waypoint.notification.alert.domain.DirectoryUnavailableException;
import org.waypoint.notification.alert.domain.EventFacts;
import org.waypoint.notification.alert.domain.InvalidEventException;
import org.waypoint.notification.alert.domain.Rule;
import org.waypoint.notification.alert.domain.RuleBook;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Use case: an event arrives from a domain topic. Events no rule cares about are skipped; the
 * others are recorded in the inbox under their CloudEvent id (a redelivered event stops here),
 * then turned into alerts. When the directory is down the event waits and is tried again; a
 * poison event (not a CloudEvent, or missing what its rule needs) or one that keeps failing is
 * dead-lettered.
 */
@Service
public class ProcessingEvents {

    private static final Logger log = LoggerFactory.getLogger(ProcessingEvents.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    public enum Outcome { IGNORED, DUPLICATE, PROCESSED, WAITING, DEAD_LETTERED }

    private final RuleBook rules;
    private final EventInbox inbox;
    private final RaisingAlerts raising;
    private final EscalationWatches watches;
    private final DeadLetters deadLetters;
    private final NotificationMetrics metrics;
    private final NotificationProperties settings;
    private final JsonMapper json;
    private final Clock clock;

    public ProcessingEvents(RuleBook rules, EventInbox inbox, RaisingAlerts raising, EscalationWatches watches,
                            DeadLetters deadLetters, NotificationMetrics metrics, NotificationProperties settings,
                            JsonMapper json, Clock clock) {
        this.rules = rules;
        this.inbox = inbox;
        this.raising = raising;
        this.watches = watches;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** A record from {@code topic}; {@code position} (topic-partition@offset) names it when it has no id. */
    public Outcome receive(String topic, String position, String payload) {
        metrics.received();
        Instant now = clock.instant();
        EventFacts event;
        try {
            event = read(payload);
        } catch (InvalidEventException poison) {
            deadLetter(DeadLetters.Kind.POISON_EVENT, topic, null, null, payload, poison.getMessage(), 1);
            return Outcome.DEAD_LETTERED;
        }
        if (!rules.concerns(event.type())) {
            return Outcome.IGNORED;
        }
        if (!inbox.addIfNew(event.id(), topic, event.type(), payload, now, now.plus(LEASE))) {
            metrics.duplicateEvent();
            log.debug("Event {} was received before; skipped", event.id());
            return Outcome.DUPLICATE;
        }
        return process(topic, event, payload, 1);
    }

    /** Tries again the events that wait (for the directory) or were abandoned mid-way. @return how many were looked at */
    public int retryWaiting() {
        int tried = 0;
        Instant now = clock.instant();
        var next = inbox.claimDue(now, now.plus(LEASE));
        while (next.isPresent()) {
            EventInbox.Entry entry = next.get();
            tried++;
            try {
                if (process(entry.topic(), read(entry.payload()), entry.payload(), entry.attempts()) == Outcome.WAITING) {
                    break; // the directory is still down: the others would wait too
                }
            } catch (InvalidEventException poison) {
                inbox.markDead(entry.eventId(), poison.getMessage());
                deadLetter(DeadLetters.Kind.POISON_EVENT, entry.topic(), entry.eventId(), entry.type(), entry.payload(),
                        poison.getMessage(), entry.attempts());
            }
            now = clock.instant();
            next = inbox.claimDue(now, now.plus(LEASE));
        }
        return tried;
    }

    /**
     * Processes an event again (a replayed dead letter), with its original or a corrected payload.
     *
     * @throws InvalidEventException when it is still not an event the rules can use (nothing is recorded)
     */
    public Outcome replay(String topic, String payload) {
        Instant now = clock.instant();
        EventFacts event = read(payload);
        for (Rule rule : rules.matching(event)) {
            rule.itemId(event);
            rule.people(event);
        }
        inbox.reopen(event.id(), topic, event.type(), payload, now, now.plus(LEASE));
        return process(topic, event, payload, 1);
    }

    private Outcome process(String topic, EventFacts event, String payload, int attempt) {
        try {
            endEscalations(event);
            for (Rule rule : rules.matching(event)) {
                raising.raise(rule, event, false);
                if (rule.escalateAfter() != null) {
                    Instant from = event.time() == null ? clock.instant() : event.time();
                    String itemId = rule.itemId(event);
                    String transition = rule.transition(event);
                    watches.addIfNew(new EscalationWatches.Watch(rule.id() + ":" + itemId + ":" + transition, rule.id(),
                            itemId, transition, event.id(), topic, payload, from.plus(rule.escalateAfter()),
                            EscalationWatches.Status.OPEN));
                }
            }
            inbox.markDone(event.id(), clock.instant());
            return Outcome.PROCESSED;
        } catch (DirectoryUnavailableException down) {
            log.warn("Event {} waits: the directory is unavailable ({})", event.id(), down.getMessage());
            inbox.markWaiting(event.id(), "directory unavailable: " + down.getMessage(),
                    clock.instant().plus(settings.directoryRetry()));
            return Outcome.WAITING;
        } catch (InvalidEventException poison) {
            inbox.markDead(event.id(), poison.getMessage());
            deadLetter(DeadLetters.Kind.POISON_EVENT, topic, event.id(), event.type(), payload, poison.getMessage(), attempt);
            return Outcome.DEAD_LETTERED;
        } catch (RuntimeException failure) {
            String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            log.warn("Event {} failed (attempt {}): {}", event.id(), attempt, reason, failure);
            if (attempt >= settings.maxProcessingAttempts()) {
                inbox.markDead(event.id(), reason);
                deadLetter(DeadLetters.Kind.POISON_EVENT, topic, event.id(), event.type(), payload, reason, attempt);
                return Outcome.DEAD_LETTERED;
            }
            inbox.markWaiting(event.id(), reason, clock.instant().plus(settings.sendBackoffFor(attempt)));
            return Outcome.WAITING;
        }
    }

    private void endEscalations(EventFacts event) {
        for (Rule rule : rules.rules()) {
            if (!rule.cancelledBy().contains(event.type()) && !rule.cancelledWhenChanged().contains(event.type())) {
                continue;
            }
            String itemId = event.text(rule.itemPath());
            if (itemId == null) {
                continue;
            }
            for (EscalationWatches.Watch watch : watches.openFor(itemId)) {
                if (watch.ruleId().equals(rule.id()) && rule.ends(event, watch.transition())) {
                    watches.mark(watch.id(), EscalationWatches.Status.ENDED);
                }
            }
        }
    }

    /** A CloudEvent read as facts. @throws InvalidEventException when it is not one */
    @SuppressWarnings("unchecked")
    EventFacts read(String payload) {
        JsonNode node;
        try {
            node = json.readTree(payload);
        } catch (JacksonException | IllegalArgumentException notJson) {
            throw new InvalidEventException("not JSON: " + notJson.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidEventException("not a CloudEvent: the message is not a JSON object");
        }
        String id = node.path("id").asString("");
        String type = node.path("type").asString("");
        if (id.isBlank() || type.isBlank()) {
            throw new InvalidEventException("not a CloudEvent: it has no id or no type");
        }
        Instant time = null;
        if (node.hasNonNull("time")) {
            try {
                time = Instant.parse(node.get("time").asString());
            } catch (java.time.format.DateTimeParseException bad) {
                throw new InvalidEventException("CloudEvent " + id + " has an unreadable time: " + node.get("time"));
            }
        }
        JsonNode data = node.get("data");
        if (data != null && !data.isNull() && !data.isObject()) {
            throw new InvalidEventException("CloudEvent " + id + " has data that is not a JSON object");
        }
        Map<String, Object> map = data == null || data.isNull() ? Map.of() : json.convertValue(data, Map.class);
        return new EventFacts(id, type, time, map);
    }

    void deadLetter(DeadLetters.Kind kind, String topic, String eventId, String type, String payload, String reason,
                    int attempts) {
        log.error("Dead-lettering {} {} from {}: {}", kind, eventId, topic, reason);
        deadLetters.add(new DeadLetters.DeadLetter(UUID.randomUUID().toString(), kind, DeadLetters.Status.DEAD, reason,
                attempts, topic, eventId, type, payload, null, null, clock.instant(), null, null));
        metrics.deadLettered();
    }
}
