package org.waypoint.notification.alert.application;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * Use cases of those who oversee sending: the most recent alerts (every area's, or a manager's own areas'),
 * the delivery log (each alert's status, attempts and possible duplicates) and the events received.
 */
@Service
public class DeliveryQueries {

    private final DeliveryLog log;
    private final EventInbox events;

    public DeliveryQueries(DeliveryLog log, EventInbox events) {
        this.log = log;
        this.events = events;
    }

    /** The most recent alerts of every area. */
    public List<StoredAlert> recent(int limit) {
        return log.recent(limit);
    }

    /** The most recent alerts about items in these service areas; none for no area. */
    public List<StoredAlert> recentIn(Set<String> serviceAreas, int limit) {
        return log.recentIn(serviceAreas, limit);
    }

    public Page<StoredAlert> deliveries(DeliveryLog.Filter filter, int page, int size) {
        return log.search(filter, page, size);
    }

    /** Events received, most recent first, in this status (null: any). */
    public List<EventInbox.Entry> events(EventInbox.Status status, int limit) {
        return events.list(status, limit);
    }
}
