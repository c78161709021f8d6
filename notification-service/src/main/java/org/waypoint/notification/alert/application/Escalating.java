package org.waypoint.notification.alert.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.waypoint.notification.alert.domain.DirectoryUnavailableException;
import org.waypoint.notification.alert.domain.EventFacts;
import org.waypoint.notification.alert.domain.Rule;
import org.waypoint.notification.alert.domain.RuleBook;

/**
 * Use case: items still in the state a rule escalates (an action still overdue, not completed nor
 * re-dated) when its time has passed are escalated to the managers' managers, once.
 */
@Service
public class Escalating {

    private static final Logger log = LoggerFactory.getLogger(Escalating.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final EscalationWatches watches;
    private final RuleBook rules;
    private final RaisingAlerts raising;
    private final ProcessingEvents events;
    private final NotificationProperties settings;
    private final Clock clock;

    public Escalating(EscalationWatches watches, RuleBook rules, RaisingAlerts raising, ProcessingEvents events,
                      NotificationProperties settings, Clock clock) {
        this.watches = watches;
        this.rules = rules;
        this.raising = raising;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return how many items were escalated */
    public int escalateDue() {
        int escalated = 0;
        Instant now = clock.instant();
        Optional<EscalationWatches.Watch> next = watches.claimDue(now, now.plus(LEASE));
        while (next.isPresent()) {
            EscalationWatches.Watch watch = next.get();
            Optional<Rule> rule = rules.byId(watch.ruleId());
            if (rule.isEmpty()) {
                watches.mark(watch.id(), EscalationWatches.Status.ENDED);
            } else {
                try {
                    EventFacts event = events.read(watch.payload());
                    raising.raise(rule.get(), event, true);
                    watches.mark(watch.id(), EscalationWatches.Status.ESCALATED);
                    escalated++;
                } catch (DirectoryUnavailableException down) {
                    log.warn("Escalation {} waits: the directory is unavailable", watch.id());
                    watches.retryAt(watch.id(), clock.instant().plus(settings.directoryRetry()));
                    return escalated;
                }
            }
            now = clock.instant();
            next = watches.claimDue(now, now.plus(LEASE));
        }
        return escalated;
    }
}
