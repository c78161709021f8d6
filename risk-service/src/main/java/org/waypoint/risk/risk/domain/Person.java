package org.waypoint.risk.risk.domain;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/** A named person (with the username and email they sign in with, when known) or a role such as "Head of Service". */
public record Person(String name, String username, String email) {

    public Person {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("owner.name", "must not be blank");
        }
        Text.oneLine("owner.name", name);
        Text.oneLine("owner.username", username);
        Text.oneLine("owner.email", email);
        name = name.strip();
        username = username == null || username.isBlank() ? null : username.strip();
        email = email == null || email.isBlank() ? null : email.strip();
    }

    public static Person named(String name) {
        return new Person(name, null, null);
    }

    /** The person this text names: a username if it has no spaces and is lower case, else a name or role. */
    public boolean isCalled(String nameOrUsername) {
        return nameOrUsername != null && (nameOrUsername.equalsIgnoreCase(name) || nameOrUsername.equals(username));
    }
}
