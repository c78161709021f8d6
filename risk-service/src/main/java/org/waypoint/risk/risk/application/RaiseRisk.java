package org.waypoint.risk.risk.application;

import java.time.LocalDate;
import java.util.List;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;
import org.waypoint.risk.register.domain.Rating;
import org.waypoint.risk.risk.domain.Person;
import org.waypoint.risk.risk.domain.ReviewFrequency;

/**
 * Raise a risk in a register. Validates itself as far as it can without the register (the
 * category and the code's uniqueness are checked against the register). One-line fields (register,
 * code, title, category, service area, the owner's name, username and email) refuse every control
 * character; the description and risk factors may hold line breaks and tabs (400 naming the field).
 */
public record RaiseRisk(String registerId, String code, String title, String description, String riskFactors,
                        String category, Person owner, String serviceArea, Rating original, Rating current,
                        Rating target, ReviewFrequency reviewFrequency, LocalDate nextReviewDue,
                        List<NewMitigation> mitigations) {

    public RaiseRisk {
        if (registerId == null || registerId.isBlank()) {
            throw new InvalidInputException("registerId", "must name the register");
        }
        Text.oneLine("registerId", registerId);
        Text.oneLine("code", code);
        Text.oneLine("title", title);
        Text.multiLine("description", description);
        Text.multiLine("riskFactors", riskFactors);
        Text.oneLine("category", category);
        Text.oneLine("serviceArea", serviceArea);
        if (current == null) {
            throw new InvalidInputException("current", "must be given: likelihood and impact 1-5");
        }
        if (owner == null) {
            throw new InvalidInputException("owner", "must name the risk owner");
        }
        mitigations = mitigations == null ? List.of() : List.copyOf(mitigations);
    }
}
