package org.waypoint.notification.alert.domain;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.waypoint.plan.api.ActionBecameOverdue;
import org.waypoint.plan.api.LeadRef;

/**
 * Who hears that an action became overdue: each lead with an email (or known to the directory),
 * and each lead's line manager. Everyone gets at most one email per action and due date.
 */
public final class OverdueActionAlerts {

    public static final String KIND = "action-overdue";
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private OverdueActionAlerts() {
    }

    public static List<Alert> raise(ActionBecameOverdue event, String eventId, People people, Instant now) {
        Map<String, Alert> byRecipient = new LinkedHashMap<>();
        for (LeadRef lead : event.leads()) {
            Optional<Person> known = Optional.ofNullable(lead.username()).flatMap(people::byUsername);
            String email = lead.email() != null ? lead.email() : known.map(Person::email).orElse(null);
            if (email != null) {
                add(byRecipient, event, eventId, email, lead.name(), false, now);
            }
            known.map(Person::manager).flatMap(people::byUsername)
                    .filter(manager -> manager.email() != null)
                    .ifPresent(manager -> add(byRecipient, event, eventId, manager.email(), manager.name(), true, now));
        }
        return new ArrayList<>(byRecipient.values());
    }

    private static void add(Map<String, Alert> byRecipient, ActionBecameOverdue event, String eventId, String email,
                            String name, boolean asManager, Instant now) {
        String key = email.toLowerCase(Locale.ROOT);
        if (byRecipient.containsKey(key)) {
            return;
        }
        String id = KIND + ":" + event.actionId() + ":" + event.dueDate() + ":" + key;
        String label = event.reference() == null || event.reference().isBlank()
                ? event.title() : event.reference() + " " + event.title();
        String subject = "Overdue action: " + label;
        String body = "Dear " + name + ",\n\n"
                + (asManager ? "An action led by a member of your team is overdue.\n\n" : "An action you lead is overdue.\n\n")
                + "Action: " + label + "\n"
                + (event.serviceArea() == null ? "" : "Service area: " + event.serviceArea() + "\n")
                + "Due: " + UK_DATE.format(event.dueDate())
                + (event.dueAsWritten() != null && !event.dueAsWritten().equals(event.dueDate().toString())
                        ? " (written in the plan as \"" + event.dueAsWritten() + "\")" : "") + "\n"
                + "Progress: " + event.progressPercent() + "%\n\n"
                + "Please update its progress, or record an exception report with a revised date.\n\n"
                + "Waypoint\n";
        byRecipient.put(key, new Alert(id, KIND, eventId, email, name, subject, body, now));
    }
}
