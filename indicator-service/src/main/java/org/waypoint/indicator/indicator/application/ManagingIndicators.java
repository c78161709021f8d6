package org.waypoint.indicator.indicator.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.waypoint.indicator.indicator.domain.Definition;
import org.waypoint.indicator.indicator.domain.Indicator;
import org.waypoint.indicator.indicator.domain.IndicatorId;
import org.waypoint.indicator.indicator.domain.Indicators;
import org.waypoint.indicator.indicator.domain.MeasuredValue;
import org.waypoint.indicator.indicator.domain.Period;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.errors.NotFoundException;

/**
 * Use cases that change indicators. Who may: performance officers (and admins) anything; managers
 * within their service area (before and after the change: moving an indicator to another area needs
 * a manager of both or an officer); owners record their own indicators' measurements. Every change
 * names the version it was read at (If-Match).
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
        Indicator.Changed defined = prepareDefine(input.toDefinition(), caller);
        indicators.insert(defined.indicator(), defined.events());
        return defined.indicator();
    }

    /**
     * A new indicator of {@code definition}, checked (permission in its service area, its code not
     * used) but not stored: what {@link #define} stores, and what an import checks each row with.
     */
    Indicator.Changed prepareDefine(Definition definition, Caller caller) {
        requireMayDefine(caller, definition.serviceArea());
        if (indicators.findByCode(definition.code()).isPresent()) {
            throw new InvalidInputException("code", "is already used by another indicator: " + definition.code());
        }
        return prepareNew(definition, caller);
    }

    /** As {@link #prepareDefine}, for a code the caller has just found unused (an import row). */
    Indicator.Changed prepareNew(Definition definition, Caller caller) {
        requireMayDefine(caller, definition.serviceArea());
        return Indicator.define(IndicatorId.newId(), definition, caller.username(), clock.instant(), settings.defaultTolerance());
    }

    /**
     * Replaces the definition of the indicator read at {@code expectedVersion}. The caller must
     * be allowed to define indicators in its service area both before and after the change.
     *
     * @throws OptimisticLockingFailureException if it changed since
     */
    public Indicator change(IndicatorId id, long expectedVersion, IndicatorInput input, Caller caller) {
        Indicator indicator = load(id);
        requireMayDefine(caller, indicator.definition().serviceArea());
        Definition definition = input.toDefinition();
        requireMayDefine(caller, definition.serviceArea());
        checkVersion(indicator, expectedVersion);
        Indicator.Changed changed = prepareChange(indicator, definition, caller);
        if (!changed.events().isEmpty()) {
            indicators.update(changed.indicator(), changed.events());
            return load(id);
        }
        return indicator;
    }

    /** {@code indicator} with {@code definition}, checked (permission before and after, code, unit) but not stored. */
    Indicator.Changed prepareChange(Indicator indicator, Definition definition, Caller caller) {
        requireMayDefine(caller, indicator.definition().serviceArea());
        requireMayDefine(caller, definition.serviceArea());
        if (!definition.code().equals(indicator.definition().code())
                && indicators.findByCode(definition.code()).isPresent()) {
            throw new InvalidInputException("code", "is already used by another indicator: " + definition.code());
        }
        return indicator.change(definition, caller.username(), clock.instant(), settings.defaultTolerance());
    }

    /**
     * Records (or revises) a period's measurement of the indicator read at {@code expectedVersion}
     * (its ETag, sent as If-Match).
     *
     * @throws OptimisticLockingFailureException if it changed since
     */
    public Indicator record(IndicatorId id, long expectedVersion, RecordMeasurement command, Caller caller) {
        Indicator indicator = load(id);
        requireMayRecord(caller, indicator);
        checkVersion(indicator, expectedVersion);
        Indicator.Changed changed = prepareRecord(indicator, command, caller);
        indicators.update(changed.indicator(), changed.events());
        return load(id);
    }

    /**
     * {@code indicator} with the measurement recorded, checked but not stored: the caller may record
     * it, the period is of the indicator's frequency (or a financial year) and has begun, the value
     * is in the indicator's unit.
     */
    Indicator.Changed prepareRecord(Indicator indicator, RecordMeasurement command, Caller caller) {
        requireMayRecord(caller, indicator);
        Definition d = indicator.definition();
        Period period = command.period();
        if (period.kind() != d.frequency().periodKind() && period.kind() != Period.Kind.YEAR) {
            throw new InvalidInputException("period", "this indicator is measured " + d.frequency().name().toLowerCase()
                    .replace('_', '-') + ": give a " + d.frequency().periodKind().name().toLowerCase()
                    + " (or a financial year), not '" + period.label() + "'");
        }
        LocalDate today = LocalDate.now(clock);
        if (period.start().isAfter(today)) {
            throw new InvalidInputException("period", "'" + period.label() + "' has not begun yet (it starts on "
                    + period.start() + "): record a period once it has begun");
        }
        MeasuredValue value = command.value() == null ? null : d.unit().read(command.value(), "value");
        return indicator.record(period, value, command.expectedOn(), command.commentary(), caller.username(),
                clock.instant(), settings.defaultTolerance());
    }

    /** Stores a new indicator, as an import does once every row is checked. */
    void saveNew(Indicator.Changed defined) {
        indicators.insert(defined.indicator(), defined.events());
    }

    /** Saves a changed indicator under optimistic locking, as imports and scans do. */
    void save(Indicator.Changed changed) {
        indicators.update(changed.indicator(), changed.events());
    }

    public Indicator load(IndicatorId id) {
        return indicators.find(id).orElseThrow(() -> new NotFoundException("There is no indicator " + id + "."));
    }

    static void requireMayRecord(Caller caller, Indicator indicator) {
        Definition d = indicator.definition();
        if (!caller.mayWrite(Roles.PERFORMANCE_OFFICER, d.serviceArea(), d.owner() == null ? null : d.owner().username())) {
            throw new AccessDeniedException("Only the indicator's owner, a manager of its service area or a performance officer may record it");
        }
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
}
