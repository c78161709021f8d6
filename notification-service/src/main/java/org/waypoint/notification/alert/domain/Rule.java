package org.waypoint.notification.alert.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One notification rule, from configuration: which event ({@code eventType} and conditions on its
 * data), what it is about (item kind and the path of its id), what makes one announcement
 * distinct from the next (the transition, e.g. the due date that was missed), who hears (the
 * people at {@code peoplePaths} and audiences relative to them), the template, the portal link,
 * and an optional escalation to managers' managers if the item is still in that state after
 * {@code escalateAfter}.
 *
 * @param when                 path -> accepted values; a list value matches when any element is accepted
 * @param link                 portal path with {@code {id}} for the item id, e.g. {@code /actions/{id}}
 * @param cancelledBy          event types that end the state (no escalation after them)
 * @param cancelledWhenChanged event types that end it only when their transition value differs (a new due date)
 */
public record Rule(String id, String eventType, Map<String, List<String>> when, String itemKind, String itemPath,
                   String transitionPath, List<String> peoplePaths, Set<Audience> audiences, String template, String link,
                   String serviceAreaPath, Duration escalateAfter, Set<String> cancelledBy, Set<String> cancelledWhenChanged) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(itemPath, "itemPath");
        Objects.requireNonNull(template, "template");
        when = when == null ? Map.of() : Map.copyOf(when);
        peoplePaths = peoplePaths == null ? List.of() : List.copyOf(peoplePaths);
        audiences = audiences == null || audiences.isEmpty() ? Set.of(Audience.SUBJECT) : Set.copyOf(audiences);
        cancelledBy = cancelledBy == null ? Set.of() : Set.copyOf(cancelledBy);
        cancelledWhenChanged = cancelledWhenChanged == null ? Set.of() : Set.copyOf(cancelledWhenChanged);
        if (itemKind == null) {
            itemKind = "item";
        }
    }

    /** The id of escalation alerts of this rule (they are deduplicated apart from the rule's own). */
    public String escalationId() {
        return id + "-escalated";
    }

    public boolean matches(EventFacts event) {
        if (!eventType.equals(event.type())) {
            return false;
        }
        return when.entrySet().stream().allMatch(condition ->
                event.values(condition.getKey()).stream().anyMatch(condition.getValue()::contains));
    }

    /** Whether this event ends the state this rule escalates (an action completed, or given a new due date). */
    public boolean ends(EventFacts event, String watchedTransition) {
        if (cancelledBy.contains(event.type())) {
            return true;
        }
        return cancelledWhenChanged.contains(event.type())
                && transitionPath != null && !Objects.equals(event.text(transitionPath), watchedTransition);
    }

    /** @throws InvalidEventException when the event does not say what it is about */
    public String itemId(EventFacts event) {
        String itemId = event.text(itemPath);
        if (itemId == null || itemId.isBlank()) {
            throw new InvalidEventException("Rule " + id + " needs " + itemPath + " in " + event.type() + " " + event.id());
        }
        return itemId;
    }

    /** What makes this announcement distinct: e.g. the due date missed; "once" when the rule has none. */
    public String transition(EventFacts event) {
        String transition = transitionPath == null ? null : event.text(transitionPath);
        return transition == null ? "once" : transition;
    }

    public String serviceArea(EventFacts event) {
        return serviceAreaPath == null ? null : event.text(serviceAreaPath);
    }

    public String linkTo(String portalUrl, String itemId) {
        if (link == null) {
            return portalUrl;
        }
        String base = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
        return base + link.replace("{id}", java.net.URLEncoder.encode(itemId, java.nio.charset.StandardCharsets.UTF_8));
    }

    public List<PersonRef> people(EventFacts event) {
        return peoplePaths.stream().flatMap(path -> event.people(path).stream()).toList();
    }
}
