package org.waypoint.notification.alert.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.AlertStatus;
import org.waypoint.notification.alert.domain.Audience;
import org.waypoint.notification.alert.domain.EventFacts;
import org.waypoint.notification.alert.domain.People;
import org.waypoint.notification.alert.domain.Recipient;
import org.waypoint.notification.alert.domain.Recipients;
import org.waypoint.notification.alert.domain.Rule;

/**
 * Use case: rules applied to events: the recipients from the directory, one alert each, rendered
 * from the rule's template and recorded under its identity (rule, item, transition, recipient),
 * held for the digest when the person chose so. Recording an alert that exists already records
 * nothing. A {@link Batch} does this for many events with a few look-ups and writes in all.
 */
@Service
public class RaisingAlerts {

    private static final Logger log = LoggerFactory.getLogger(RaisingAlerts.class);

    private final RaisedAlerts store;
    private final People people;
    private final PreferenceStore preferences;
    private final AlertTemplates templates;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final String portalUrl;
    private final DispatchSignal dispatch;

    public RaisingAlerts(RaisedAlerts store, People people, PreferenceStore preferences, AlertTemplates templates,
                         NotificationMetrics metrics, Clock clock, @Value("${waypoint.portal-url:http://localhost:8080}") String portalUrl,
                         DispatchSignal dispatch) {
        this.dispatch = dispatch;
        this.store = store;
        this.people = people;
        this.preferences = preferences;
        this.templates = templates;
        this.metrics = metrics;
        this.clock = clock;
        this.portalUrl = portalUrl;
    }

    /**
     * @param escalation true for the escalation of the rule (to managers' managers)
     * @return how many new alerts were raised
     * @throws org.waypoint.notification.alert.domain.DirectoryUnavailableException when the directory is down (nothing is lost: try again)
     */
    public int raise(Rule rule, EventFacts event, boolean escalation) {
        Batch batch = batch();
        batch.plan(List.of(rule), event, escalation);
        Batch.Result result = batch.commit();
        if (!result.failed().isEmpty()) {
            throw result.failed().values().iterator().next();
        }
        return result.raised();
    }

    public Batch batch() {
        return new Batch();
    }

    /**
     * Alerts for several events: {@link #plan} each event (who gets what: the directory is asked
     * here, and an event it cannot be planned for adds nothing), then {@link #commit} them all: one
     * look-up of the alerts that exist, one of the preferences, rendering, and one write.
     */
    public final class Batch {

        /** What the batch raised, and the events whose alerts could not be rendered (nothing of theirs was recorded). */
        public record Result(int raised, Map<String, RuntimeException> failed) {
        }

        private record Planned(EventFacts event, Rule rule, boolean escalation, String ruleId, String itemId,
                               String transition, String link, Recipient recipient, String alertId) {
        }

        private final List<Planned> planned = new ArrayList<>();

        private Batch() {
        }

        /**
         * Works out the alerts {@code rules} raise for {@code event}: all or, when it throws, none.
         *
         * @throws org.waypoint.notification.alert.domain.DirectoryUnavailableException when the directory is down
         * @throws org.waypoint.notification.alert.domain.InvalidEventException when the event lacks what a rule needs
         */
        public void plan(List<Rule> rules, EventFacts event, boolean escalation) {
            List<Planned> mine = new ArrayList<>();
            for (Rule rule : rules) {
                String itemId = rule.itemId(event);
                String transition = rule.transition(event);
                String ruleId = escalation ? rule.escalationId() : rule.id();
                List<Recipient> recipients = Recipients.resolve(rule.people(event),
                        escalation ? Set.of(Audience.MANAGERS_MANAGER) : rule.audiences(), people);
                String link = rule.linkTo(portalUrl, itemId);
                for (Recipient recipient : recipients) {
                    mine.add(new Planned(event, rule, escalation, ruleId, itemId, transition, link, recipient,
                            Alert.identity(ruleId, itemId, transition, recipient.email())));
                }
            }
            planned.addAll(mine);
        }

        /**
         * Renders and records every planned alert that does not exist yet.
         *
         * @throws RuntimeException when they could not be looked up or recorded (none of them may have been)
         */
        public Result commit() {
            if (planned.isEmpty()) {
                return new Result(0, Map.of());
            }
            Set<String> existing = store.existing(planned.stream().map(Planned::alertId).distinct().toList());
            List<String> usernames = planned.stream().filter(p -> !existing.contains(p.alertId()))
                    .map(p -> p.recipient().username()).filter(java.util.Objects::nonNull).distinct().toList();
            Map<String, Preferences> choices = usernames.isEmpty() ? Map.of() : preferences.of(usernames);
            Instant now = clock.instant();
            Map<String, RuntimeException> failed = new LinkedHashMap<>();
            Map<String, List<RaisedAlerts.NewAlert>> byEvent = new LinkedHashMap<>();
            Set<String> inBatch = new HashSet<>();
            for (Planned p : planned) {
                if (existing.contains(p.alertId()) || !inBatch.add(p.alertId())) {
                    metrics.duplicateAlert();
                    continue;
                }
                if (failed.containsKey(p.event().id())) {
                    continue;
                }
                try {
                    byEvent.computeIfAbsent(p.event().id(), id -> new ArrayList<>()).add(render(p, choices, now));
                } catch (RuntimeException e) {
                    failed.put(p.event().id(), e);
                }
            }
            List<RaisedAlerts.NewAlert> alerts = new ArrayList<>();
            byEvent.forEach((eventId, mine) -> {
                if (!failed.containsKey(eventId)) {
                    alerts.addAll(mine);
                }
            });
            Set<String> added = store.addAllIfNew(alerts);
            for (int i = added.size(); i < alerts.size(); i++) {
                metrics.duplicateAlert();
            }
            if (alerts.stream().anyMatch(a -> a.initial() == AlertStatus.PENDING && added.contains(a.alert().id()))) {
                dispatch.wake();
            }
            log.debug("Raised {} alert(s) for {} planned", added.size(), planned.size());
            return new Result(added.size(), failed);
        }

        private RaisedAlerts.NewAlert render(Planned p, Map<String, Preferences> choices, Instant now) {
            Recipient recipient = p.recipient();
            Rule rule = p.rule();
            EventFacts event = p.event();
            Map<String, Object> model = new HashMap<>();
            model.put("event", event.data());
            model.put("eventType", event.type());
            model.put("eventTime", event.time());
            model.put("rule", p.ruleId());
            model.put("escalation", p.escalation());
            model.put("item", Map.of("kind", rule.itemKind(), "id", p.itemId(), "url", p.link()));
            model.put("recipient", Map.of("name", recipient.name() == null ? recipient.email() : recipient.name(),
                    "email", recipient.email(), "audience", recipient.audience().name()));
            model.put("escalateAfterDays", rule.escalateAfter() == null ? null : rule.escalateAfter().toDays());
            AlertTemplates.Rendered rendered = templates.render(rule.template(), model);
            Alert alert = new Alert(p.alertId(), p.ruleId(), rule.itemKind(), p.itemId(), p.transition(), event.id(),
                    recipient.email(), recipient.username(), recipient.name(), recipient.audience(), rule.serviceArea(event),
                    rendered.subject(), rendered.text(), rendered.html(), p.link(), now);
            boolean digest = recipient.username() != null
                    && choices.get(recipient.username()).deliveryOf(rule.id()) == Preferences.Delivery.DAILY_DIGEST;
            return new RaisedAlerts.NewAlert(alert, digest ? AlertStatus.HELD : AlertStatus.PENDING);
        }
    }
}
