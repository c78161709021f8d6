package org.waypoint.notification.alert.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One message to one person about one thing. Its {@code id} is what makes it that thing: rule,
 * item, transition and recipient (e.g. {@code action-overdue:action-7:2022-03-31:jamie@...}); an
 * alert with the same id is never sent twice, whichever event or redelivery asked for it.
 *
 * @param rule the rule that raised it (also its kind: {@code action-overdue}, {@code digest}...)
 */
public record Alert(String id, String rule, String itemKind, String itemId, String transition, String sourceEventId,
                    String recipientEmail, String recipientUsername, String recipientName, Audience audience,
                    String serviceArea, String subject, String textBody, String htmlBody, String link, Instant raisedAt) {

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(recipientEmail, "recipientEmail");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
    }

    /** The identity of an alert: (rule, item, transition, recipient). */
    public static String identity(String rule, String itemId, String transition, String recipientEmail) {
        return rule + ":" + itemId + ":" + transition + ":" + recipientEmail.toLowerCase(Locale.ROOT);
    }
}
