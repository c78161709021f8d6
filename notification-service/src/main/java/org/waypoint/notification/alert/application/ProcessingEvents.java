package org.waypoint.notification.alert.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        return receiveAll(List.of(new Incoming(topic, payload))).getFirst();
    }

    /** A record as it came from a topic. */
    public record Incoming(String topic, String payload) {
    }

    /**
     * Records as they came in one poll, in their order: all recorded in the inbox in one write, then
     * turned into alerts together (a few look-ups and writes for the lot, see {@link RaisingAlerts.Batch}),
     * each event still with its own outcome: a broken or failing one never holds back the others.
     *
     * @return the outcome of each record, in the same order
     */
    public List<Outcome> receiveAll(List<Incoming> records) {
        Instant now = clock.instant();
        Outcome[] outcomes = new Outcome[records.size()];
        List<Work> candidates = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Incoming record = records.get(i);
            metrics.received();
            EventFacts event;
            try {
                event = read(record.payload());
            } catch (InvalidEventException poison) {
                deadLetter(DeadLetters.Kind.POISON_EVENT, record.topic(), null, null, record.payload(), poison.getMessage(), 1);
                outcomes[i] = Outcome.DEAD_LETTERED;
                continue;
            }
            if (!rules.concerns(event.type())) {
                outcomes[i] = Outcome.IGNORED;
                continue;
            }
            candidates.add(new Work(i, record.topic(), event, record.payload(), 1));
        }
        Set<String> added = candidates.isEmpty() ? Set.of() : inbox.addAllIfNew(candidates.stream()
                .map(w -> new EventInbox.NewEntry(w.event().id(), w.topic(), w.event().type(), w.payload())).toList(),
                now, now.plus(LEASE));
        List<Work> work = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Work w : candidates) {
            if (!added.contains(w.event().id()) || !taken.add(w.event().id())) {
                metrics.duplicateEvent();
                log.debug("Event {} was received before; skipped", w.event().id());
                outcomes[w.index()] = Outcome.DUPLICATE;
            } else {
                work.add(w);
            }
        }
        List<Outcome> processed = process(work);
        for (int i = 0; i < work.size(); i++) {
            outcomes[work.get(i).index()] = processed.get(i);
        }
        return Arrays.asList(outcomes);
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
                Work work = new Work(0, entry.topic(), read(entry.payload()), entry.payload(), entry.attempts());
                if (process(List.of(work)).getFirst() == Outcome.WAITING) {
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
        return process(List.of(new Work(0, topic, event, payload, 1))).getFirst();
    }

    /** An event to turn into alerts: where it stands among the records received together, and which attempt this is. */
    private record Work(int index, String topic, EventFacts event, String payload, int attempt) {
    }

    /**
     * Events in their order: escalations they end are ended (after the watches earlier events of the
     * batch opened are recorded), their alerts planned, then rendered and recorded together with the
     * new watches, and the events marked done in one write.
     */
    private List<Outcome> process(List<Work> work) {
        Outcome[] outcomes = new Outcome[work.size()];
        RaisingAlerts.Batch alerts = raising.batch();
        List<EscalationWatches.Watch> opened = new ArrayList<>();
        List<Integer> planned = new ArrayList<>();
        for (int i = 0; i < work.size(); i++) {
            Work w = work.get(i);
            try {
                endEscalations(w.event(), opened);
                List<Rule> matching = rules.matching(w.event());
                alerts.plan(matching, w.event(), false);
                for (Rule rule : matching) {
                    if (rule.escalateAfter() != null) {
                        Instant from = w.event().time() == null ? clock.instant() : w.event().time();
                        String itemId = rule.itemId(w.event());
                        String transition = rule.transition(w.event());
                        opened.add(new EscalationWatches.Watch(rule.id() + ":" + itemId + ":" + transition, rule.id(),
                                itemId, transition, w.event().id(), w.topic(), w.payload(), from.plus(rule.escalateAfter()),
                                EscalationWatches.Status.OPEN));
                    }
                }
                planned.add(i);
            } catch (RuntimeException failure) {
                outcomes[i] = failed(w, failure);
            }
        }
        RaisingAlerts.Batch.Result result;
        try {
            result = alerts.commit();
            watches.addAllIfNew(opened);
        } catch (RuntimeException failure) { // nothing known to be recorded: each event is retried as a failed attempt
            for (int i : planned) {
                outcomes[i] = failed(work.get(i), failure);
            }
            return Arrays.asList(outcomes);
        }
        List<String> done = new ArrayList<>();
        for (int i : planned) {
            Work w = work.get(i);
            RuntimeException failure = result.failed().get(w.event().id());
            if (failure != null) {
                outcomes[i] = failed(w, failure);
            } else {
                outcomes[i] = Outcome.PROCESSED;
                done.add(w.event().id());
            }
        }
        inbox.markAllDone(done, clock.instant());
        return Arrays.asList(outcomes);
    }

    /** Waits for the directory, dead-letters a poison event, and otherwise retries with backoff until the last attempt. */
    private Outcome failed(Work w, RuntimeException failure) {
        EventFacts event = w.event();
        if (failure instanceof DirectoryUnavailableException down) {
            log.warn("Event {} waits: the directory is unavailable ({})", event.id(), down.getMessage());
            inbox.markWaiting(event.id(), "directory unavailable: " + down.getMessage(),
                    clock.instant().plus(settings.directoryRetry()));
            return Outcome.WAITING;
        }
        if (failure instanceof InvalidEventException poison) {
            inbox.markDead(event.id(), poison.getMessage());
            deadLetter(DeadLetters.Kind.POISON_EVENT, w.topic(), event.id(), event.type(), w.payload(), poison.getMessage(),
                    w.attempt());
            return Outcome.DEAD_LETTERED;
        }
        String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        log.warn("Event {} failed (attempt {}): {}", event.id(), w.attempt(), reason, failure);
        if (w.attempt() >= settings.maxProcessingAttempts()) {
            inbox.markDead(event.id(), reason);
            deadLetter(DeadLetters.Kind.POISON_EVENT, w.topic(), event.id(), event.type(), w.payload(), reason, w.attempt());
            return Outcome.DEAD_LETTERED;
        }
        inbox.markWaiting(event.id(), reason, clock.instant().plus(settings.sendBackoffFor(w.attempt())));
        return Outcome.WAITING;
    }

    private void endEscalations(EventFacts event, List<EscalationWatches.Watch> opened) {
        for (Rule rule : rules.rules()) {
            if (!rule.cancelledBy().contains(event.type()) && !rule.cancelledWhenChanged().contains(event.type())) {
                continue;
            }
            String itemId = event.text(rule.itemPath());
            if (itemId == null) {
                continue;
            }
            if (!opened.isEmpty()) { // an earlier event of the batch may have opened this watch
                watches.addAllIfNew(opened);
                opened.clear();
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
