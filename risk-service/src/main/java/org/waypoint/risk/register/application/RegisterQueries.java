package org.waypoint.risk.register.application;

import java.util.List;
import java.util.Optional;

import org.waypoint.risk.register.domain.RiskRegister;

/** Reading registers. */
public interface RegisterQueries {

    Optional<RiskRegister> find(String id);

    List<RiskRegister> all();
}
