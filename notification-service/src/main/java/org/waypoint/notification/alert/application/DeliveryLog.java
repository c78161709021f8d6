package org.waypoint.notification.alert.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.waypoint.notification.alert.domain.AlertStatus;

/**
 * Port: what was raised, for whom, and how its delivery went (status, attempts, possible duplicates), most
 * recent first: what administrators, auditors and managers look at.
 */
public interface DeliveryLog {

    /** What the delivery log is filtered by (nulls: any). */
    record Filter(AlertStatus status, String rule, String recipient, Instant from, Instant to, Boolean possibleDuplicate) {
        public Filter(AlertStatus status, String rule, String recipient, Instant from, Instant to) {
            this(status, rule, recipient, from, to, null);
        }
    }

    Optional<StoredAlert> byId(String alertId);

    Page<StoredAlert> search(Filter filter, int page, int size);

    List<StoredAlert> recent(int limit);

    /** The most recent alerts about items in these service areas (a manager's view); an empty set: none. */
    List<StoredAlert> recentIn(Set<String> serviceAreas, int limit);
}
