package org.waypoint.notification.alert.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One email to one person about one thing. Its {@code id} is what makes it that thing (e.g.
 * action 42 overdue for 31 March 2024, to jamie@...): an alert with the same id is never sent twice,
 * whichever event or redelivery asked for it.
 */
public record Alert(String id, String kind, String sourceEventId, String recipientEmail, String recipientName,
                    String subject, String body, Instant raisedAt) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipientEmail, "recipientEmail");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }
}
