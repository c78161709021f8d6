package org.waypoint.indicator.indicator.application;

import java.util.Objects;

import org.waypoint.indicator.indicator.domain.Tolerance;

/**
 * Settings of the organisation: the amber tolerance for indicators without their own, and how
 * many days after a period closes its value counts as missing.
 */
public record OrganisationSettings(Tolerance defaultTolerance, int missingAfterDays) {

    public OrganisationSettings {
        Objects.requireNonNull(defaultTolerance, "defaultTolerance");
        if (missingAfterDays < 0) {
            throw new IllegalArgumentException("missingAfterDays must be 0 or more");
        }
    }
}
