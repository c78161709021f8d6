package org.waypoint.notification.alert.application;

import java.time.Instant;

/**
 * Port: each person's in-portal notifications (the alerts sent to them), read or unread. A person is known by
 * their username, or by their email when an alert named only that (a lead known by email alone). Not to be
 * confused with the {@link EventInbox}, where the events received wait to be processed.
 */
public interface Inbox {

    Page<StoredAlert> forRecipient(String username, String email, boolean unreadOnly, int page, int size);

    long unreadCount(String username, String email);

    /** @return false if this person has no such notification */
    boolean markRead(String alertId, String username, String email, Instant at);

    /** @return how many were unread */
    long markAllRead(String username, String email, Instant at);
}
