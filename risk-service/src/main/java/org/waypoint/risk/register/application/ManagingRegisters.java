package org.waypoint.risk.register.application;

import java.time.Clock;
import java.util.Map;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.errors.NotFoundException;
import org.waypoint.risk.register.domain.Appetite;
import org.waypoint.risk.register.domain.Banding;
import org.waypoint.risk.register.domain.RiskRegister;
import org.waypoint.risk.register.domain.RiskRegisters;

/**
 * Use cases on registers: create one, change its banding or its appetites (each recorded, then
 * every risk of the register is re-banded). Performance officers anywhere, managers within the
 * register's service area, admins ({@link RegisterWriteRule}). Re-banding the risks is the risk
 * feature's, through the {@link RiskRebanding} port.
 */
@Service
public class ManagingRegisters {

    private final RiskRegisters registers;
    private final RiskRebanding rebanding;
    private final Clock clock;

    public ManagingRegisters(RiskRegisters registers, RiskRebanding rebanding, Clock clock) {
        this.registers = registers;
        this.rebanding = rebanding;
        this.clock = clock;
    }

    public RiskRegister create(String name, String organisation, String serviceArea, Banding banding,
                               Map<String, Appetite> categories, Caller caller) {
        requireMayWrite(caller, serviceArea);
        RiskRegister register = RiskRegister.create(name, organisation, serviceArea, banding, categories,
                caller.username(), clock.instant());
        registers.insert(register);
        return register;
    }

    /** @return the changed register and how many risks were re-banded */
    public Changed changeBanding(String id, long expectedVersion, Banding banding, String justification, Caller caller) {
        RiskRegister register = load(id, expectedVersion, caller);
        RiskRegister changed = register.changeBanding(banding, justification, caller.username(), clock.instant());
        registers.update(changed);
        return new Changed(registers.find(id).orElseThrow(), rebanding.reband(id));
    }

    public Changed changeCategories(String id, long expectedVersion, Map<String, Appetite> categories,
                                    String justification, Caller caller) {
        RiskRegister register = load(id, expectedVersion, caller);
        RiskRegister changed = register.changeCategories(categories, justification, caller.username(), clock.instant());
        registers.update(changed);
        return new Changed(registers.find(id).orElseThrow(), rebanding.reband(id));
    }

    public record Changed(RiskRegister register, int risksRebanded) {
    }

    private RiskRegister load(String id, long expectedVersion, Caller caller) {
        RiskRegister register = registers.find(id).orElseThrow(() -> new NotFoundException("There is no risk register " + id + "."));
        requireMayWrite(caller, register.serviceArea());
        if (register.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("register " + id + " is at version " + register.version());
        }
        return register;
    }

    private static void requireMayWrite(Caller caller, String serviceArea) {
        RegisterWriteRule.requireMayChangeRegister(caller, serviceArea == null || serviceArea.isBlank() ? null : serviceArea.strip());
    }
}
