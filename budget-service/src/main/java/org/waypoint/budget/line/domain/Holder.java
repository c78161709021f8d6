package org.waypoint.budget.line.domain;

import java.util.regex.Pattern;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/** The budget holder: a person, with the username and email they sign in with when known; each one line of text. */
public record Holder(String name, String username, String email) {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    public Holder {
        Text.oneLine("holder.name", name);
        Text.oneLine("holder.username", username);
        Text.oneLine("holder.email", email);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("holder.name", "must not be blank");
        }
        if (name.length() > 200) {
            throw new InvalidInputException("holder.name", "must be at most 200 characters");
        }
        name = name.strip();
        if (email != null && !email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
            throw new InvalidInputException("holder.email", "is not an email address");
        }
        email = email == null || email.isBlank() ? null : email.strip();
        username = username == null || username.isBlank() ? null : username.strip();
    }
}
