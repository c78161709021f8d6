package org.waypoint.risk.register.application;

/**
 * What the register feature needs done when a register's framework (banding or appetites) changes:
 * every risk of the register evaluated at an older revision re-banded. Declared here, implemented by
 * the risk feature ({@code risk.application.Rebanding}), so that registers know nothing of risks.
 */
public interface RiskRebanding {

    /** @return how many risks of the register were re-evaluated */
    int reband(String registerId);
}
