package org.waypoint.risk.risk.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.waypoint.risk.api.RiskEvent;

/** Where risks are kept, each saved with the events it caused. */
public interface Risks {

    /** @throws org.waypoint.platform.validation.InvalidInputException naming {@code code} if the register has it already */
    void insert(Risk risk, List<RiskEvent> caused);

    /** Saves a risk read at {@code risk.version()}; fails (412) if someone changed it meanwhile. */
    void update(Risk risk, List<RiskEvent> caused);

    Optional<Risk> find(String id);

    Optional<Risk> findByCode(String registerId, String code);

    List<Risk> inRegister(String registerId);

    /** Open risks whose review falls due by {@code horizon} or that have an open mitigation due before {@code today}. */
    List<Risk> needingAttention(LocalDate today, LocalDate horizon, int limit);

    /** Risks of a register evaluated at an older framework revision. */
    List<Risk> evaluatedBefore(String registerId, int frameworkRevision, int limit);
}
