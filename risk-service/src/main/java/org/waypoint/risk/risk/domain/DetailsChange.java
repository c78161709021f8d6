package org.waypoint.risk.risk.domain;

import java.time.LocalDate;

import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/**
 * A change a person makes to a risk's details in one go; null keeps what is there.
 * {@code registerId} moves the risk to another register. One-line fields refuse control
 * characters, multi-line ones all but line breaks and tabs (400 naming the field).
 */
public record DetailsChange(String title, String description, String riskFactors, String category, Person owner,
                            String serviceArea, String registerId, ReviewFrequency reviewFrequency, LocalDate nextReviewDue) {

    public DetailsChange {
        Text.oneLine("title", title);
        Text.multiLine("description", description);
        Text.multiLine("riskFactors", riskFactors);
        Text.oneLine("category", category);
        Text.oneLine("serviceArea", serviceArea);
        Text.oneLine("registerId", registerId);
        if (serviceArea != null && serviceArea.isBlank()) {
            throw new InvalidInputException("serviceArea", "must not be blank: a risk always has a service area");
        }
        if (registerId != null && registerId.isBlank()) {
            throw new InvalidInputException("registerId", "must not be blank");
        }
    }

    /** A change that leaves the risk in its register. */
    public DetailsChange(String title, String description, String riskFactors, String category, Person owner,
                         String serviceArea, ReviewFrequency reviewFrequency, LocalDate nextReviewDue) {
        this(title, description, riskFactors, category, owner, serviceArea, null, reviewFrequency, nextReviewDue);
    }
}
