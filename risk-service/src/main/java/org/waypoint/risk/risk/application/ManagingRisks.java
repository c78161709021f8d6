package org.waypoint.risk.risk.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.web.NotFoundException;
import org.waypoint.risk.register.domain.Rating;
import org.waypoint.risk.register.domain.RiskRegister;
import org.waypoint.risk.register.domain.RiskRegisters;
import org.waypoint.risk.risk.domain.Mitigation;
import org.waypoint.risk.risk.domain.Risk;
import org.waypoint.risk.risk.domain.Risks;
import org.waypoint.risk.risk.domain.Which;

/**
 * Use cases on risks. The write rule: the risk's owner, a manager within its service area, a
 * performance officer anywhere, an admin; for a mitigation also its own owner. Every change to
 * an existing risk names the version it was read at (If-Match): a stale one is refused (412).
 */
@Service
public class ManagingRisks {

    private final Risks risks;
    private final RiskRegisters registers;
    private final Clock clock;

    public ManagingRisks(Risks risks, RiskRegisters registers, Clock clock) {
        this.risks = risks;
        this.registers = registers;
        this.clock = clock;
    }

    public Risk raise(RaiseRisk c, Caller caller) {
        RiskRegister register = register(c.registerId());
        String serviceArea = c.serviceArea() == null ? register.serviceArea() : c.serviceArea();
        if (!caller.mayWrite(Roles.PERFORMANCE_OFFICER, serviceArea, c.owner().username())) {
            throw new AccessDeniedException("You may raise risks you own, or within the service areas you manage");
        }
        Risk.Changed raised = raiseIn(register, c, caller.username(), false);
        risks.insert(raised.risk(), raised.events());
        return raised.risk();
    }

    /** Raises without saving: used by the import, which saves only rows that passed. */
    public Risk.Changed raiseIn(RiskRegister register, RaiseRisk c, String by, boolean imported) {
        String code = Risk.checkCode(c.code());
        if (risks.findByCode(register.id(), code).isPresent()) {
            throw new InvalidInputException("code", "'" + code + "' is already used in register '" + register.name() + "'");
        }
        List<Mitigation> mitigations = new ArrayList<>();
        for (int i = 0; i < c.mitigations().size(); i++) {
            mitigations.add(c.mitigations().get(i).toMitigation(String.valueOf(i + 1)));
        }
        return Risk.raise(register, code, c.title(), c.description(), c.riskFactors(), c.category(), c.owner(),
                c.serviceArea(), c.original(), c.current(), c.target(), c.reviewFrequency(), c.nextReviewDue(),
                mitigations, by, clock.instant(), today(), imported);
    }

    public Risk assess(String id, long expectedVersion, Which which, Rating rating, String justification, Caller caller) {
        Risk risk = load(id, expectedVersion, caller, false);
        return save(risk.assess(register(risk.registerId()), which, rating, justification, caller.username(), clock.instant()));
    }

    public Risk review(String id, long expectedVersion, Rating newCurrent, String justification, LocalDate nextReview,
                       Caller caller) {
        Risk risk = load(id, expectedVersion, caller, false);
        return save(risk.review(register(risk.registerId()), newCurrent, justification, nextReview, caller.username(),
                clock.instant(), today()));
    }

    public Risk changeDetails(String id, long expectedVersion, Risk.Details details, Caller caller) {
        Risk risk = load(id, expectedVersion, caller, false);
        if (details.owner() != null || details.serviceArea() != null) {
            // handing a risk on: the caller must also be allowed to write it where it goes
            String area = details.serviceArea() == null ? risk.serviceArea() : details.serviceArea();
            String owner = details.owner() == null ? null : details.owner().username();
            if (!caller.mayWrite(Roles.PERFORMANCE_OFFICER, area, owner) && !caller.mayWrite(Roles.PERFORMANCE_OFFICER, area, risk.ownerUsernames(false))) {
                throw new AccessDeniedException("You may not move this risk there");
            }
        }
        return save(risk.changeDetails(register(risk.registerId()), details, caller.username(), clock.instant()));
    }

    public Risk addMitigation(String id, long expectedVersion, NewMitigation m, Caller caller) {
        Risk risk = load(id, expectedVersion, caller, false);
        String mitigationId = UUID.randomUUID().toString().substring(0, 8);
        return save(risk.addMitigation(m.toMitigation(mitigationId), caller.username(), clock.instant()));
    }

    public Risk changeMitigation(String id, String mitigationId, long expectedVersion, NewMitigation m, Caller caller) {
        Risk risk = load(id, expectedVersion, caller, true);
        if (risk.mitigation(mitigationId).isEmpty()) {
            throw new NotFoundException("Risk " + risk.code() + " has no mitigation " + mitigationId + ".");
        }
        return save(risk.changeMitigation(m.toMitigation(mitigationId), caller.username(), clock.instant()));
    }

    public Risk close(String id, long expectedVersion, String reason, Caller caller) {
        Risk risk = load(id, expectedVersion, caller, false);
        return save(risk.close(reason, caller.username(), clock.instant()));
    }

    private Risk save(Risk.Changed changed) {
        risks.update(changed.risk(), changed.events());
        return risks.find(changed.risk().id()).orElseThrow();
    }

    private Risk load(String id, long expectedVersion, Caller caller, boolean mitigationOwnersMayWrite) {
        Risk risk = risks.find(id).orElseThrow(() -> new NotFoundException("There is no risk " + id + "."));
        if (!caller.mayWrite(Roles.PERFORMANCE_OFFICER, risk.serviceArea(), risk.ownerUsernames(mitigationOwnersMayWrite))) {
            throw new AccessDeniedException("Only the risk owner, a manager of its service area or a performance officer may change it");
        }
        if (risk.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("risk " + id + " is at version " + risk.version());
        }
        return risk;
    }

    private RiskRegister register(String registerId) {
        return registers.find(registerId)
                .orElseThrow(() -> new InvalidInputException("registerId", "there is no risk register " + registerId));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
