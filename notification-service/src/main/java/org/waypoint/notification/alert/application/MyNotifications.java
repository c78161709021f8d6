package org.waypoint.notification.alert.application;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;
import org.waypoint.notification.alert.domain.RuleBook;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.errors.NotFoundException;

/** Use cases of one signed-in person: their notifications (read/unread) and their preferences. */
@Service
public class MyNotifications {

    private final Inbox alerts;
    private final PreferenceStore preferences;
    private final RuleBook rules;
    private final Clock clock;

    public MyNotifications(Inbox alerts, PreferenceStore preferences, RuleBook rules, Clock clock) {
        this.alerts = alerts;
        this.preferences = preferences;
        this.rules = rules;
        this.clock = clock;
    }

    public Page<StoredAlert> list(String username, String email, boolean unreadOnly, int page, int size) {
        return alerts.forRecipient(username, email, unreadOnly, page, size);
    }

    public long unread(String username, String email) {
        return alerts.unreadCount(username, email);
    }

    public void markRead(String id, String username, String email) {
        if (!alerts.markRead(id, username, email, clock.instant())) {
            throw new NotFoundException("You have no notification " + id);
        }
    }

    public long markAllRead(String username, String email) {
        return alerts.markAllRead(username, email, clock.instant());
    }

    public Preferences preferences(String username) {
        return preferences.of(username);
    }

    /** Replaces the person's preferences; every rule named must exist. */
    public Preferences savePreferences(String username, Map<String, Preferences.Delivery> byRule, Boolean areaDigest) {
        Set<String> known = ruleIds();
        if (byRule != null) {
            for (Map.Entry<String, Preferences.Delivery> entry : byRule.entrySet()) {
                if (!known.contains(entry.getKey())) {
                    throw new InvalidInputException("rules." + entry.getKey(), "no such rule; known rules: " + known);
                }
                if (entry.getValue() == null) {
                    throw new InvalidInputException("rules." + entry.getKey(), "must be IMMEDIATE or DAILY_DIGEST");
                }
            }
        }
        Preferences saved = new Preferences(username, byRule, areaDigest == null || areaDigest);
        preferences.save(saved);
        return saved;
    }

    public Set<String> ruleIds() {
        Set<String> ids = new TreeSet<>();
        rules.rules().forEach(rule -> ids.add(rule.id()));
        return ids;
    }
}
