package org.waypoint.notification.alert.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Port: what the daily digests are made of: the alerts held for them, and the alerts of the last day. */
public interface Digests {

    /** Held alerts raised before {@code before}, oldest first. */
    List<StoredAlert> held(Instant before);

    /** Marks held alerts as gone out in the digest {@code digestId}. */
    void markDigested(Collection<String> alertIds, String digestId);

    /** Alerts about items (not digests) raised in [from, to). */
    List<StoredAlert> raisedBetween(Instant from, Instant to);
}
