package org.waypoint.risk.risk.application;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.waypoint.risk.register.application.RiskRebanding;
import org.waypoint.risk.register.domain.RiskRegister;
import org.waypoint.risk.register.domain.RiskRegisters;
import org.waypoint.risk.risk.domain.Risk;
import org.waypoint.risk.risk.domain.Risks;

/**
 * Re-bands the risks of a register evaluated at an older framework revision. Each risk is saved
 * with its history entry and events in one write; a risk missed (changed meanwhile, process died)
 * keeps its old revision and the scheduled check picks it up. The register feature asks for it
 * after a framework change through its {@link RiskRebanding} port.
 */
@Service
public class Rebanding implements RiskRebanding {

    private static final Logger log = LoggerFactory.getLogger(Rebanding.class);
    private static final int BATCH = 500;

    private final RiskRegisters registers;
    private final Risks risks;
    private final Clock clock;

    public Rebanding(RiskRegisters registers, Risks risks, Clock clock) {
        this.registers = registers;
        this.risks = risks;
        this.clock = clock;
    }

    /** @return how many risks were re-evaluated */
    @Override
    public int reband(String registerId) {
        RiskRegister register = registers.find(registerId).orElse(null);
        if (register == null) {
            return 0;
        }
        int count = 0;
        for (int pass = 0; pass < 100; pass++) {
            int inPass = 0;
            for (Risk risk : risks.evaluatedBefore(registerId, register.frameworkRevision(), BATCH)) {
                var changed = risk.reband(register, clock.instant());
                if (changed.isPresent()) {
                    try {
                        risks.update(changed.get().risk(), changed.get().events());
                        inPass++;
                    } catch (OptimisticLockingFailureException meanwhile) {
                        log.debug("Risk {} changed while re-banding; the next check re-bands it", risk.id());
                    }
                }
            }
            count += inPass;
            if (inPass < BATCH) {
                break;
            }
        }
        return count;
    }

    public int rebandAll() {
        return registers.all().stream().mapToInt(r -> reband(r.id())).sum();
    }
}
