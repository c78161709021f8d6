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
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.errors.NotFoundException;
import org.waypoint.risk.register.domain.Rating;
import org.waypoint.risk.register.domain.RiskRegister;
import org.waypoint.risk.register.domain.RiskRegisters;
import org.waypoint.risk.risk.domain.DetailsChange;
import org.waypoint.risk.risk.domain.Mitigation;
import org.waypoint.risk.risk.domain.Ratings;
import org.waypoint.risk.risk.domain.ReviewCycle;
import org.waypoint.risk.risk.domain.Risk;
import org.waypoint.risk.risk.domain.RiskDetails;
import org.waypoint.risk.risk.domain.RiskId;
import org.waypoint.risk.risk.domain.Risks;
import org.waypoint.risk.risk.domain.Which;

/**
 * Use cases on risks. Who may write follows {@link ServiceAreaRule}: the service areas of the
 * risk's register and of the risk, before and after the change, must each be one the caller may
 * write (the risk's owner, and for a mitigation its owner, where the risk is; a manager within their
 * areas; a performance officer or an admin anywhere). Every change to an existing risk names the
 * version it was read at (If-Match): a stale one is refused (412).
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
        Risk.Changed raised = raiseIn(register, c, caller, false);
        risks.insert(raised.risk(), raised.events());
        return raised.risk();
    }

    /**
     * Raises without saving, after the write rule: used by the import too, which saves only when
     * every row passed. {@link AccessDeniedException} (403) when the caller may not put this risk there.
     */
    public Risk.Changed raiseIn(RiskRegister register, RaiseRisk c, Caller caller, boolean imported) {
        String serviceArea = RiskDetails.serviceAreaIn(register, c.serviceArea());
        ServiceAreaRule.requireMayRaise(caller, new ServiceAreaRule.Place(register.serviceArea(), serviceArea),
                c.owner().username());
        String code = RiskDetails.checkCode(c.code());
        if (risks.findByCode(register.id(), code).isPresent()) {
            throw new InvalidInputException("code", "'" + code + "' is already used in register '" + register.name() + "'");
        }
        List<Mitigation> mitigations = new ArrayList<>();
        for (int i = 0; i < c.mitigations().size(); i++) {
            mitigations.add(c.mitigations().get(i).toMitigation(String.valueOf(i + 1)));
        }
        RiskDetails details = RiskDetails.of(code, c.title(), c.description(), c.riskFactors(), c.category(), c.owner(),
                serviceArea);
        return Risk.raise(RiskId.newId(), register, details, new Ratings(c.original(), c.current(), c.target()),
                ReviewCycle.starting(c.reviewFrequency(), c.nextReviewDue(), today()), mitigations, caller.username(),
                clock.instant(), imported);
    }

    /** Whether the caller may change {@code risk} where it is (the import reports a row it may not as refused). */
    public void requireMayChange(Risk risk, Caller caller) {
        RiskRegister register = register(risk.registerId());
        ServiceAreaRule.Place here = new ServiceAreaRule.Place(register.serviceArea(), risk.serviceArea());
        ServiceAreaRule.requireMayChange(caller, here, here, risk.ownerUsernames(false));
    }

    public Risk assess(String id, long expectedVersion, Which which, Rating rating, String justification, Caller caller) {
        Loaded it = load(id, expectedVersion, caller, false);
        return save(it.risk().assess(it.register(), which, rating, justification, caller.username(), clock.instant()));
    }

    public Risk review(String id, long expectedVersion, Rating newCurrent, String justification, LocalDate nextReview,
                       Caller caller) {
        Loaded it = load(id, expectedVersion, caller, false);
        return save(it.risk().review(it.register(), newCurrent, justification, nextReview, caller.username(),
                clock.instant(), today()));
    }

    /** Changes details; a new {@code serviceArea} or {@code registerId} moves the risk, and the caller must be allowed to put it there. */
    public Risk changeDetails(String id, long expectedVersion, DetailsChange details, Caller caller) {
        Risk risk = find(id);
        RiskRegister register = register(risk.registerId());
        RiskRegister into = details.registerId() == null || details.registerId().strip().equals(register.id())
                ? register : register(details.registerId().strip());
        String areaAfter = details.serviceArea() == null ? risk.serviceArea() : details.serviceArea().strip();
        ServiceAreaRule.requireMayChange(caller, new ServiceAreaRule.Place(register.serviceArea(), risk.serviceArea()),
                new ServiceAreaRule.Place(into.serviceArea(), areaAfter), risk.ownerUsernames(false));
        requireVersion(risk, expectedVersion);
        if (into != register && risks.findByCode(into.id(), risk.code()).isPresent()) {
            throw new InvalidInputException("registerId", "register '" + into.name() + "' has a risk " + risk.code() + " already");
        }
        return save(risk.changeDetails(register, into, details, caller.username(), clock.instant()));
    }

    public Risk addMitigation(String id, long expectedVersion, NewMitigation m, Caller caller) {
        Loaded it = load(id, expectedVersion, caller, false);
        String mitigationId = UUID.randomUUID().toString().substring(0, 8);
        return save(it.risk().addMitigation(m.toMitigation(mitigationId), caller.username(), clock.instant()));
    }

    public Risk changeMitigation(String id, String mitigationId, long expectedVersion, NewMitigation m, Caller caller) {
        Risk risk = load(id, expectedVersion, caller, true).risk();
        if (risk.mitigation(mitigationId).isEmpty()) {
            throw new NotFoundException("Risk " + risk.code() + " has no mitigation " + mitigationId + ".");
        }
        return save(risk.changeMitigation(m.toMitigation(mitigationId), caller.username(), clock.instant()));
    }

    public Risk close(String id, long expectedVersion, String reason, Caller caller) {
        Risk risk = load(id, expectedVersion, caller, false).risk();
        return save(risk.close(reason, caller.username(), clock.instant()));
    }

    private Risk save(Risk.Changed changed) {
        risks.update(changed.risk(), changed.events());
        return risks.find(changed.risk().id().value()).orElseThrow();
    }

    private record Loaded(Risk risk, RiskRegister register) {
    }

    /** The risk at the version named, if the caller may change it where it is (it stays there). */
    private Loaded load(String id, long expectedVersion, Caller caller, boolean mitigationOwnersMayWrite) {
        Risk risk = find(id);
        RiskRegister register = register(risk.registerId());
        ServiceAreaRule.Place here = new ServiceAreaRule.Place(register.serviceArea(), risk.serviceArea());
        ServiceAreaRule.requireMayChange(caller, here, here, risk.ownerUsernames(mitigationOwnersMayWrite));
        requireVersion(risk, expectedVersion);
        return new Loaded(risk, register);
    }

    private Risk find(String id) {
        return risks.find(id).orElseThrow(() -> new NotFoundException("There is no risk " + id + "."));
    }

    private static void requireVersion(Risk risk, long expectedVersion) {
        if (risk.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("risk " + risk.id() + " is at version " + risk.version());
        }
    }

    private RiskRegister register(String registerId) {
        return registers.find(registerId)
                .orElseThrow(() -> new InvalidInputException("registerId", "there is no risk register " + registerId));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
