package org.waypoint.notification.alert.application;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.OverdueActionAlerts;
import org.waypoint.notification.alert.domain.People;
import org.waypoint.plan.api.ActionBecameOverdue;

/**
 * Use case: an event arrives; the alerts it causes are recorded, each under its own identity.
 * A redelivered event, or another event asking for the same alert, records nothing new.
 */
@Service
public class RaisingAlerts {

    private static final Logger log = LoggerFactory.getLogger(RaisingAlerts.class);

    private final AlertStore store;
    private final People people;
    private final Clock clock;

    public RaisingAlerts(AlertStore store, People people, Clock clock) {
        this.store = store;
        this.people = people;
        this.clock = clock;
    }

    /** @return how many new alerts were raised */
    public int actionBecameOverdue(ActionBecameOverdue event, String eventId) {
        int raised = 0;
        for (Alert alert : OverdueActionAlerts.raise(event, eventId, people, clock.instant())) {
            if (store.addIfNew(alert)) {
                raised++;
            } else {
                log.debug("Alert {} exists already; not raised again", alert.id());
            }
        }
        if (raised == 0 && event.leads().stream().allMatch(l -> l.email() == null && l.username() == null)) {
            log.info("Action {} is overdue but none of its leads has an email address", event.actionId());
        }
        return raised;
    }
}
