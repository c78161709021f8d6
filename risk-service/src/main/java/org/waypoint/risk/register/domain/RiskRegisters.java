package org.waypoint.risk.register.domain;

import java.util.List;
import java.util.Optional;

/** Where registers are kept. */
public interface RiskRegisters {

    void insert(RiskRegister register);

    /** @throws org.springframework.dao.OptimisticLockingFailureException (from the adapter) when changed meanwhile */
    void update(RiskRegister register);

    Optional<RiskRegister> find(String id);

    List<RiskRegister> all();
}
