package org.waypoint.notification.alert.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who hears about an event: the people it names (leads, owner, holder) with the email the event
 * gives or the directory knows, their line managers, and for escalations their managers'
 * managers. Everyone is listed once, in the first role found (a lead who is also another lead's
 * manager is told as a lead).
 */
public final class Recipients {

    private Recipients() {
    }

    /** @throws DirectoryUnavailableException when a username must be looked up and the directory is down */
    public static List<Recipient> resolve(List<PersonRef> named, Set<Audience> audiences, People people) {
        Map<String, Recipient> byEmail = new LinkedHashMap<>();
        for (PersonRef ref : named) {
            Optional<Person> known = ref.username() == null || ref.username().isBlank()
                    ? Optional.empty() : people.byUsername(ref.username());
            if (audiences.contains(Audience.SUBJECT)) {
                String email = ref.email() != null && !ref.email().isBlank() ? ref.email() : known.map(Person::email).orElse(null);
                String name = ref.name() != null ? ref.name() : known.map(Person::name).orElse(email);
                add(byEmail, email, ref.username() != null ? ref.username() : known.map(Person::username).orElse(null),
                        name, Audience.SUBJECT);
            }
            Optional<Person> manager = known.map(Person::manager).filter(m -> !m.isBlank()).flatMap(people::byUsername);
            if (audiences.contains(Audience.MANAGER)) {
                manager.ifPresent(m -> add(byEmail, m.email(), m.username(), m.name(), Audience.MANAGER));
            }
            if (audiences.contains(Audience.MANAGERS_MANAGER)) {
                manager.map(Person::manager).filter(m -> !m.isBlank()).flatMap(people::byUsername)
                        .ifPresent(m -> add(byEmail, m.email(), m.username(), m.name(), Audience.MANAGERS_MANAGER));
            }
        }
        return new ArrayList<>(byEmail.values());
    }

    private static void add(Map<String, Recipient> byEmail, String email, String username, String name, Audience audience) {
        if (email == null || email.isBlank()) {
            return;
        }
        byEmail.putIfAbsent(email.toLowerCase(Locale.ROOT), new Recipient(email, username, name, audience));
    }
}
