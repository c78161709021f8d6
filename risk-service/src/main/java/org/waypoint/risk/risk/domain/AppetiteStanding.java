package org.waypoint.risk.risk.domain;

import org.waypoint.risk.register.domain.Appetite;
import org.waypoint.risk.register.domain.Assessment;
import org.waypoint.risk.register.domain.RiskRegister;

/**
 * How a risk's current assessment stands against its register's appetite for its category, as
 * last judged: the appetite in words (none when the register has none for the category) and
 * whether the risk is above it. Remembered so that going above appetite is announced once.
 */
public record AppetiteStanding(String appetite, boolean aboveAppetite) {

    /** Judges {@code current} against {@code register}'s appetite for {@code category}. */
    public static AppetiteStanding of(RiskRegister register, String category, Assessment current) {
        Appetite a = register.appetiteFor(category);
        return new AppetiteStanding(a == null ? null : a.describe(), a != null && a.isExceededBy(current));
    }
}
