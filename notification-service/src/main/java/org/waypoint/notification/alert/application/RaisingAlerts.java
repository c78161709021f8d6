package org.waypoint.notification.alert.application;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.Audience;
import org.waypoint.notification.alert.domain.EventFacts;
import org.waypoint.notification.alert.domain.People;
import org.waypoint.notification.alert.domain.Recipient;
import org.waypoint.notification.alert.domain.Recipients;
import org.waypoint.notification.alert.domain.Rule;

/**
 * Use case: one rule applied to one event: the recipients from the directory, one alert each,
 * rendered from the rule's template and recorded under its identity (rule, item, transition,
 * recipient), held for the digest when the person chose so. Recording an alert that exists
 * already records nothing.
 */
@Service
public class RaisingAlerts {

    private static final Logger log = LoggerFactory.getLogger(RaisingAlerts.class);

    private final AlertStore store;
    private final People people;
    private final PreferenceStore preferences;
    private final AlertTemplates templates;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final String portalUrl;
    private final DispatchSignal dispatch;

    public RaisingAlerts(AlertStore store, People people, PreferenceStore preferences, AlertTemplates templates,
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
        String itemId = rule.itemId(event);
        String transition = rule.transition(event);
        String ruleId = escalation ? rule.escalationId() : rule.id();
        List<Recipient> recipients = Recipients.resolve(rule.people(event),
                escalation ? java.util.Set.of(Audience.MANAGERS_MANAGER) : rule.audiences(), people);
        String link = rule.linkTo(portalUrl, itemId);
        Instant now = clock.instant();
        Map<Recipient, String> ids = new LinkedHashMap<>();
        for (Recipient recipient : recipients) {
            ids.put(recipient, Alert.identity(ruleId, itemId, transition, recipient.email()));
        }
        Set<String> existing = ids.isEmpty() ? Set.of() : store.existing(ids.values());
        List<String> usernames = recipients.stream().filter(r -> r.username() != null && !existing.contains(ids.get(r)))
                .map(Recipient::username).distinct().toList();
        Map<String, Preferences> choices = usernames.isEmpty() ? Map.of() : preferences.of(usernames);
        int raised = 0;
        for (Recipient recipient : recipients) {
            String id = ids.get(recipient);
            if (existing.contains(id)) {
                metrics.duplicateAlert();
                continue;
            }
            Map<String, Object> model = new HashMap<>();
            model.put("event", event.data());
            model.put("eventType", event.type());
            model.put("eventTime", event.time());
            model.put("rule", ruleId);
            model.put("escalation", escalation);
            model.put("item", Map.of("kind", rule.itemKind(), "id", itemId, "url", link));
            model.put("recipient", Map.of("name", recipient.name() == null ? recipient.email() : recipient.name(),
                    "email", recipient.email(), "audience", recipient.audience().name()));
            model.put("escalateAfterDays", rule.escalateAfter() == null ? null : rule.escalateAfter().toDays());
            AlertTemplates.Rendered rendered = templates.render(rule.template(), model);
            Alert alert = new Alert(id, ruleId, rule.itemKind(), itemId, transition, event.id(), recipient.email(),
                    recipient.username(), recipient.name(), recipient.audience(), rule.serviceArea(event),
                    rendered.subject(), rendered.text(), rendered.html(), link, now);
            boolean digest = recipient.username() != null
                    && choices.get(recipient.username()).deliveryOf(rule.id()) == Preferences.Delivery.DAILY_DIGEST;
            if (store.addIfNew(alert, digest ? AlertStore.Status.HELD : AlertStore.Status.PENDING)) {
                raised++;
            } else {
                metrics.duplicateAlert();
                log.debug("Alert {} exists already; not raised again", id);
            }
        }
        if (raised > 0) {
            dispatch.wake();
        }
        return raised;
    }
}
