package org.waypoint.notification.alert.domain;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** All configured rules. */
public record RuleBook(List<Rule> rules) {

    public RuleBook {
        rules = List.copyOf(rules);
    }

    public List<Rule> matching(EventFacts event) {
        return rules.stream().filter(rule -> rule.matches(event)).toList();
    }

    /** Whether an event of this type matters to any rule (raises alerts or ends an escalation). */
    public boolean concerns(String eventType) {
        return eventTypes().contains(eventType);
    }

    public Set<String> eventTypes() {
        return rules.stream().flatMap(rule -> Stream.concat(Stream.of(rule.eventType()),
                Stream.concat(rule.cancelledBy().stream(), rule.cancelledWhenChanged().stream())))
                .collect(Collectors.toSet());
    }

    public Optional<Rule> byId(String id) {
        return rules.stream().filter(rule -> rule.id().equals(id) || rule.escalationId().equals(id)).findFirst();
    }
}
