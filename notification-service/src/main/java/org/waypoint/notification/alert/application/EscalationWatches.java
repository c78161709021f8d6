package org.waypoint.notification.alert.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Items a rule escalates if they are still in that state after a while (an action still overdue after 14 days). */
public interface EscalationWatches {

    enum Status { OPEN, ESCALATED, ENDED }

    record Watch(String id, String ruleId, String itemId, String transition, String eventId, String topic, String payload,
                 Instant dueAt, Status status) {
    }

    /** @return false when this (rule, item, transition) is watched already */
    boolean addIfNew(Watch watch);

    /** {@link #addIfNew} for several watches, in one write where the store allows. */
    default void addAllIfNew(List<Watch> watches) {
        watches.forEach(this::addIfNew);
    }

    /** Takes the next OPEN watch due now, postponing it to {@code leaseUntil} so no other instance takes it. */
    Optional<Watch> claimDue(Instant now, Instant leaseUntil);

    List<Watch> openFor(String itemId);

    void mark(String id, Status status);

    void retryAt(String id, Instant at);
}
