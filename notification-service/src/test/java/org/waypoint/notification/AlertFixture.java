package org.waypoint.notification;

import java.time.Instant;

import org.waypoint.notification.alert.domain.Alert;
import org.waypoint.notification.alert.domain.Audience;

/**
 * Alerts for tests: an overdue-action alert to Jamie (as the subject) in Children and Justice,
 * whose item, source event, address and link follow from its id, raised at {@link #RAISED_AT};
 * a test sets only what it is about.
 */
public final class AlertFixture {

    public static final Instant RAISED_AT = Instant.parse("2022-04-01T08:00:00Z");

    private final String id;
    private String itemId;
    private String sourceEventId;
    private String recipientEmail;
    private String subject = "Overdue action";
    private String textBody = "Body";
    private String htmlBody = "<p>Body</p>";
    private String link;
    private Instant raisedAt = RAISED_AT;

    private AlertFixture(String id) {
        this.id = id;
        this.itemId = id;
        this.sourceEventId = "event-" + id;
        this.recipientEmail = id + "@waypoint.example";
        this.link = "http://l/actions/" + id;
    }

    /** An {@code action-overdue} alert for item {@code id}, from event {@code event-<id>}, to {@code <id>@waypoint.example}. */
    public static AlertFixture alert(String id) {
        return new AlertFixture(id);
    }

    /**
     * About {@code action-<n>}, raised by event {@code event-<n>} and linking to it, rather than about the
     * item named by the alert's id (as when several people are alerted about one action).
     */
    public AlertFixture aboutAction(String n) {
        this.itemId = "action-" + n;
        this.sourceEventId = "event-" + n;
        this.link = "http://l/actions/" + n;
        return this;
    }

    public AlertFixture to(String recipientEmail) {
        this.recipientEmail = recipientEmail;
        return this;
    }

    public AlertFixture subject(String subject) {
        this.subject = subject;
        return this;
    }

    /** The text body, and the same text as the HTML body's one paragraph. */
    public AlertFixture body(String text) {
        this.textBody = text;
        this.htmlBody = "<p>" + text + "</p>";
        return this;
    }

    public AlertFixture raisedAt(Instant raisedAt) {
        this.raisedAt = raisedAt;
        return this;
    }

    public Alert build() {
        return new Alert(id, "action-overdue", "action", itemId, "2022-03-31", sourceEventId, recipientEmail, null, "Jamie",
                Audience.SUBJECT, "Children and Justice", subject, textBody, htmlBody, link, raisedAt);
    }
}
