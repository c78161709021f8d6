package org.waypoint.notification.alert.application;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.waypoint.notification.alert.domain.Audience;
import org.waypoint.notification.alert.domain.Rule;
import org.waypoint.notification.alert.domain.RuleBook;

/**
 * {@code waypoint.notifications.*}: the rules (a map by rule id, so one setting of one rule can be
 * overridden alone) and the delivery settings.
 *
 * @param maxSendAttempts       SMTP attempts before an alert is dead-lettered
 * @param sendBackoff           delay after the first failed attempt, doubled each time up to {@code sendBackoffMax}
 * @param maxProcessingAttempts attempts to process an event (other than waiting for the directory) before it is dead-lettered
 * @param directoryRetry        how long an event waits for the directory before it is tried again
 * @param retryInterval         how often waiting events and due escalations are looked at
 * @param digestAt              local time (Europe/London) after which the day's digests go out
 */
@ConfigurationProperties(prefix = "waypoint.notifications")
public record NotificationProperties(
        Map<String, RuleSetting> rules,
        @DefaultValue("10") int maxSendAttempts,
        @DefaultValue("PT5S") Duration sendBackoff,
        @DefaultValue("PT5M") Duration sendBackoffMax,
        @DefaultValue("5") int maxProcessingAttempts,
        @DefaultValue("PT30S") Duration directoryRetry,
        @DefaultValue("PT5S") Duration retryInterval,
        @DefaultValue("07:00") LocalTime digestAt,
        @DefaultValue("true") boolean digestsEnabled) {

    public NotificationProperties {
        rules = rules == null ? Map.of() : new LinkedHashMap<>(rules);
    }

    /**
     * One rule as configured. {@code when} holds conditions written {@code "data.newStatus in RED"}
     * or {@code "data.reasons in TOP_BAND, ABOVE_APPETITE"}.
     */
    public record RuleSetting(@DefaultValue("true") boolean enabled, String event, List<String> when, String itemKind,
                              String item, String transition, List<String> people, Set<Audience> audiences,
                              String template, String link, String serviceArea, Duration escalateAfter,
                              List<String> cancelledBy, List<String> cancelledWhenChanged) {
    }

    public RuleBook ruleBook() {
        List<Rule> built = new ArrayList<>();
        rules.forEach((id, r) -> {
            if (!r.enabled()) {
                return;
            }
            Map<String, List<String>> when = new LinkedHashMap<>();
            for (String condition : r.when() == null ? List.<String>of() : r.when()) {
                String[] parts = condition.split("\\s+in\\s+", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("waypoint.notifications.rules." + id
                            + ".when: write conditions as '<path> in <value>, <value>', not '" + condition + "'");
                }
                when.put(parts[0].trim(), List.of(parts[1].trim().split("\\s*,\\s*")));
            }
            built.add(new Rule(id, require(id, "event", r.event()), when, r.itemKind(), require(id, "item", r.item()),
                    r.transition(), r.people(), r.audiences() == null ? EnumSet.of(Audience.SUBJECT) : r.audiences(),
                    require(id, "template", r.template()), r.link(), r.serviceArea(), r.escalateAfter(),
                    r.cancelledBy() == null ? Set.of() : Set.copyOf(r.cancelledBy()),
                    r.cancelledWhenChanged() == null ? Set.of() : Set.copyOf(r.cancelledWhenChanged())));
        });
        return new RuleBook(built);
    }

    private static String require(String id, String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("waypoint.notifications.rules." + id + "." + field + " is required");
        }
        return value;
    }

    public Duration sendBackoffFor(int attempt) {
        Duration delay = sendBackoff;
        for (int i = 1; i < attempt && delay.compareTo(sendBackoffMax) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(sendBackoffMax) > 0 ? sendBackoffMax : delay;
    }
}
