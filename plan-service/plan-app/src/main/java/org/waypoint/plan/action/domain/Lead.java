package org.waypoint.plan.action.domain;

import java.util.regex.Pattern;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/**
 * Who leads an action: a person (with the username and email they sign in with, when known) or a
 * role such as "Senior Manager" (name only). Every field is one line ({@link Text#oneLine}).
 */
public record Lead(String name, String username, String email) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public Lead {
        Text.oneLine("leads.name", name);
        Text.oneLine("leads.username", username);
        Text.oneLine("leads.email", email);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("leads.name", "must not be blank");
        }
        name = name.strip();
        if (email != null && !email.isBlank() && !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("leads.email", "is not an email address");
        }
        email = email == null || email.isBlank() ? null : email.strip();
        username = username == null || username.isBlank() ? null : username.strip();
    }

    public static Lead role(String role) {
        return new Lead(role, null, null);
    }
}
