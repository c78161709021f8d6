package org.waypoint.indicator.indicators.application;

import java.time.Clock;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.waypoint.indicator.indicators.domain.Definition;
import org.waypoint.indicator.indicators.domain.Indicator;
import org.waypoint.indicator.indicators.domain.IndicatorId;
import org.waypoint.indicator.indicators.domain.Indicators;
import org.waypoint.indicator.indicators.domain.MeasuredValue;
import org.waypoint.indicator.indicators.domain.Period;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.web.NotFoundException;

/**
 * Use cases that change indicators. Who may: performance officers (and admins) anything; managers
 * within their service area; owners record their own indicators' measurements.
 */
@Service
public class ManagingIndicators {

    private final Indicators indicators;
    private final OrganisationSettings settings;
    private final Clock clock;

    public ManagingIndicators(Indicators indicators, OrganisationSettings settings, Clock clock) {
        this.indicators = indicators;
        this.settings = settings;
        this.clock = clock;
    }

    public Indicator define(IndicatorInput input, Caller caller) {
        Definition definition = input.toDefinition();
        requireMayDefine(caller, definition.serviceArea());
        if (indicators.findByCode(definition.code()).isPresent()) {
            throw new InvalidInputException("code", "is already used by another indicator: " + definition.code());
        }
        Indicator.Changed defined = Indicator.define(IndicatorId.newId(), definition, caller.username(), clock.instant(),
                settings.defaultTolerance());
        indicators.insert(defined.indicator(), defined.events());
        return defined.indicator();
    }

    /**
     * Replaces the definition of the indicator read at {@code expectedVersion}.
     *
     * @throws OptimisticLockingFailureException if it changed since
     */
    public Indicator change(IndicatorId id, long expectedVersion, IndicatorInput input, Caller caller) {
        Indicator indicator = load(id);
        requireMayDefine(caller, indicator.definition().serviceArea());
        Definition definition = input.toDefinition();
        requireMayDefine(caller, definition.serviceArea());
        checkVersion(indicator, expectedVersion);
        if (!definition.code().equals(indicator.definition().code())
                && indicators.findByCode(definition.code()).isPresent()) {
            throw new InvalidInputException("code", "is already used by another indicator: " + definition.code());
        }
        Indicator.Changed changed;
        try {
            changed = indicator.change(definition, caller.username(), clock.instant(), settings.defaultTolerance());
        } catch (IllegalStateException e) {
            throw new InvalidInputException("unit", "cannot change once values are recorded in it");
        }
        if (!changed.events().isEmpty()) {
            indicators.update(changed.indicator(), changed.events());
            return load(id);
        }
        return indicator;
    }

    /**
     * Records a period's measurement. Revising a period already recorded needs the version it was
     * read at ({@code expectedVersion}); a first recording does not.
     */
    public Indicator record(IndicatorId id, Long expectedVersion, RecordMeasurement command, Caller caller) {
        Indicator indicator = load(id);
        Definition d = indicator.definition();
        if (!caller.mayWrite(Roles.PERFORMANCE_OFFICER, d.serviceArea(), d.owner() == null ? null : d.owner().username())) {
            throw new AccessDeniedException("Only the indicator's owner, a manager of its service area or a performance officer may record it");
        }
        Period period = command.period();
        if (period.kind() != d.frequency().periodKind() && period.kind() != Period.Kind.YEAR) {
            throw new InvalidInputException("period", "this indicator is measured " + d.frequency().name().toLowerCase()
                    .replace('_', '-') + ": give a " + d.frequency().periodKind().name().toLowerCase()
                    + " (or a financial year), not '" + period.label() + "'");
        }
        MeasuredValue value = command.value() == null ? null : IndicatorInput.value(d.unit(), command.value(), "value");
        if (indicator.measurement(period).isPresent()) {
            if (expectedVersion == null) {
                throw new PreconditionRequired("A measurement for " + period.label()
                        + " exists: send If-Match with the indicator's ETag to revise it");
            }
            checkVersion(indicator, expectedVersion);
        } else if (expectedVersion != null) {
            checkVersion(indicator, expectedVersion);
        }
        Indicator.Changed changed = indicator.record(period, value, command.expectedOn(), command.commentary(),
                caller.username(), clock.instant(), settings.defaultTolerance());
        indicators.update(changed.indicator(), changed.events());
        return load(id);
    }

    /** Saves a changed indicator under optimistic locking, as imports and scans do. */
    void save(Indicator.Changed changed) {
        indicators.update(changed.indicator(), changed.events());
    }

    public Indicator load(IndicatorId id) {
        return indicators.find(id).orElseThrow(() -> new NotFoundException("There is no indicator " + id + "."));
    }

    static void requireMayDefine(Caller caller, String serviceArea) {
        if (!caller.mayWrite(Roles.PERFORMANCE_OFFICER, serviceArea, List.of())) {
            throw new AccessDeniedException("Only a performance officer, or a manager within the service area, may define indicators");
        }
    }

    private static void checkVersion(Indicator indicator, long expectedVersion) {
        if (indicator.version() != expectedVersion) {
            throw new OptimisticLockingFailureException("Indicator " + indicator.id() + " is at version " + indicator.version());
        }
    }

    /** The request must say which version it changes (If-Match): answered 428. */
    public static class PreconditionRequired extends org.springframework.web.server.ResponseStatusException {
        public PreconditionRequired(String reason) {
            super(org.springframework.http.HttpStatus.PRECONDITION_REQUIRED, reason);
        }
    }
}
