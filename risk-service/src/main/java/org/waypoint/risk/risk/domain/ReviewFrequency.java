package org.waypoint.risk.risk.domain;

import java.time.LocalDate;
import java.util.Locale;

import org.waypoint.platform.validation.InvalidInputException;

/** How often a risk is reviewed (seed 004: monthly at management team meetings). */
public enum ReviewFrequency {
    MONTHLY(1), QUARTERLY(3), SIX_MONTHLY(6), ANNUALLY(12);

    private final int months;

    ReviewFrequency(int months) {
        this.months = months;
    }

    public LocalDate nextAfter(LocalDate reviewed) {
        return reviewed.plusMonths(months);
    }

    public static ReviewFrequency parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return QUARTERLY;
        }
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "'" + text + "' is not a frequency: use MONTHLY, QUARTERLY, SIX_MONTHLY or ANNUALLY");
        }
    }
}
