package org.waypoint.notification.alert.application;

import java.util.Map;

/**
 * How one person wants to hear: per rule, at once or in a daily digest (at once unless chosen), and
 * for managers whether they get the daily digest of their area (yes unless turned off).
 */
public record Preferences(String username, Map<String, Delivery> rules, boolean areaDigest) {

    public enum Delivery { IMMEDIATE, DAILY_DIGEST }

    public Preferences {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
    }

    public static Preferences defaults(String username) {
        return new Preferences(username, Map.of(), true);
    }

    public Delivery deliveryOf(String ruleId) {
        return rules.getOrDefault(ruleId, Delivery.IMMEDIATE);
    }
}
