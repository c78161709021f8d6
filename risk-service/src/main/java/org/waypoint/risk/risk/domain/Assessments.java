package org.waypoint.risk.risk.domain;

import java.util.Objects;

import org.waypoint.risk.register.domain.Assessment;
import org.waypoint.risk.register.domain.Banding;
import org.waypoint.risk.register.domain.RiskRegister;

/**
 * A risk's three assessments, each a rating banded by its register's matrix: before any control
 * (original), now (current, always there) and aimed at (target, may be none).
 */
public record Assessments(Assessment original, Assessment current, Assessment target) {

    public Assessments {
        Objects.requireNonNull(current, "current");
    }

    /** The ratings banded by {@code register}'s matrix. */
    public static Assessments of(Ratings ratings, RiskRegister register) {
        return new Assessments(register.assess(ratings.original()), register.assess(ratings.current()),
                register.assess(ratings.target()));
    }

    public Assessment get(Which which) {
        return switch (which) {
            case ORIGINAL -> original;
            case CURRENT -> current;
            case TARGET -> target;
        };
    }

    /** These assessments with {@code which} replaced. */
    public Assessments with(Which which, Assessment value) {
        return switch (which) {
            case ORIGINAL -> new Assessments(value, current, target);
            case CURRENT -> new Assessments(original, value, target);
            case TARGET -> new Assessments(original, current, value);
        };
    }

    /** Every assessment there is, banded by {@code banding}. */
    public Assessments rebanded(Banding banding) {
        return new Assessments(original == null ? null : original.rebanded(banding), current.rebanded(banding),
                target == null ? null : target.rebanded(banding));
    }
}
