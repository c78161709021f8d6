package org.waypoint.risk.risk.domain;

import org.waypoint.risk.register.domain.RiskRegister;

/**
 * Which register a risk is in (its id and name) and the revision of that register's framework
 * (banding and appetites) the risk was last evaluated at: an older one means it is to be re-banded.
 */
public record Placement(String registerId, String registerName, int frameworkRevision) {

    /** In {@code register}, evaluated at its current revision. */
    public static Placement in(RiskRegister register) {
        return new Placement(register.id(), register.name(), register.frameworkRevision());
    }

    public Placement atRevision(int revision) {
        return new Placement(registerId, registerName, revision);
    }
}
