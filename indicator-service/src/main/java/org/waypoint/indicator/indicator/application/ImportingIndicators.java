package org.waypoint.indicator.indicator.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.waypoint.indicator.api.IndicatorEvent;
import org.waypoint.indicator.indicator.domain.Definition;
import org.waypoint.indicator.indicator.domain.Indicator;
import org.waypoint.indicator.indicator.domain.Indicators;
import org.waypoint.indicator.indicator.domain.Period;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * Use case: import indicator definitions and measurements, all or nothing. Every row is checked
 * first with the same rules as the API (validation, permissions in the row's service area, the
 * indicator's frequency and unit, periods that have begun) against what is stored and the rows
 * above it; the report lists each row. When any row is rejected nothing is stored (the controller
 * answers 400, or 403 when a row is one the caller may not write). {@code dryRun} checks and stores
 * nothing. A file that passes is stored one indicator at a time, each with its events.
 */
@Service
public class ImportingIndicators {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    /**
     * What happened to one row (header = row 1); {@code denied} when it was rejected because the
     * caller may not write it (a service area or an indicator not theirs).
     */
    public record RowResult(int row, String code, Outcome outcome, String field, String message, boolean denied) {
        RowResult(int row, String code, Outcome outcome, String field, String message) {
            this(row, code, outcome, field, message, false);
        }
    }

    /** The row-by-row report; {@code stored} says whether the file's changes were stored (never for a dry run or a rejected row). */
    public record Report(boolean dryRun, boolean stored, int created, int updated, int unchanged, int rejected,
                         List<RowResult> rows) {
        static Report of(boolean dryRun, boolean stored, List<RowResult> rows) {
            return new Report(dryRun, stored, count(rows, Outcome.CREATED), count(rows, Outcome.UPDATED),
                    count(rows, Outcome.UNCHANGED), count(rows, Outcome.REJECTED), List.copyOf(rows));
        }

        private static int count(List<RowResult> rows, Outcome outcome) {
            return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
        }

        /** True when a row was refused because the caller may not write it. */
        public boolean denied() {
            return rows.stream().anyMatch(RowResult::denied);
        }
    }

    public static final int MAX_ROWS = 5000;
    /** Attempts at storing an indicator that changed between being checked and being saved. */
    static final int ATTEMPTS = 3;
    private static final java.util.regex.Pattern DATA_AVAILABLE =
            java.util.regex.Pattern.compile("(?i)data (?:will be )?available (?:in|from) ([A-Za-z]+\\.? \\d{4})");

    private final Indicators indicators;
    private final ManagingIndicators managing;
    private final Clock clock;

    public ImportingIndicators(Indicators indicators, ManagingIndicators managing, Clock clock) {
        this.indicators = indicators;
        this.managing = managing;
        this.clock = clock;
    }

    /** A definitions row that passed: the indicator before (null for a new code) and as it is to be stored. */
    private record PlannedDefinition(IndicatorCsv.Row row, IndicatorInput input, Indicator.Changed changed, boolean isNew) {
    }

    /** Definitions: new codes are defined, known codes changed; each code at most once in a file. */
    public Report importDefinitions(List<IndicatorCsv.Row> rows, int annualTargetYear, Caller caller, boolean dryRun) {
        requireSize(rows);
        List<RowResult> results = new ArrayList<>();
        List<PlannedDefinition> planned = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (IndicatorCsv.Row row : rows) {
            results.add(checked(row, "serviceArea", "you may not define indicators in this service area", () -> {
                IndicatorInput input = IndicatorCsv.definition(row, annualTargetYear);
                Definition definition = input.toDefinition();
                Integer earlier = seen.putIfAbsent(definition.code(), row.number());
                if (earlier != null) {
                    throw new InvalidInputException("code", "is also in row " + earlier + ": give each indicator one row");
                }
                Optional<Indicator> existing = indicators.findByCode(definition.code());
                if (existing.isEmpty()) {
                    planned.add(new PlannedDefinition(row, input, managing.prepareNew(definition, caller), true));
                    return new RowResult(row.number(), definition.code(), Outcome.CREATED, null, null);
                }
                Indicator indicator = existing.get();
                ManagingIndicators.requireMayDefine(caller, indicator.definition().serviceArea());
                ManagingIndicators.requireMayDefine(caller, definition.serviceArea());
                List<String> fields = definition.changedFrom(indicator.definition());
                if (fields.isEmpty()) {
                    return new RowResult(row.number(), definition.code(), Outcome.UNCHANGED, null, null);
                }
                planned.add(new PlannedDefinition(row, input, managing.prepareChange(indicator, definition, caller), false));
                return new RowResult(row.number(), definition.code(), Outcome.UPDATED, null, "changed: " + String.join(", ", fields));
            }));
        }
        if (dryRun || results.stream().anyMatch(r -> r.outcome() == Outcome.REJECTED)) {
            return Report.of(dryRun, false, results);
        }
        int stored = 0;
        for (PlannedDefinition p : planned) {
            storeDefinition(p, caller, stored);
            stored++;
        }
        return Report.of(false, true, results);
    }

    private void storeDefinition(PlannedDefinition p, Caller caller, int storedBefore) {
        Indicator.Changed changed = p.changed();
        for (int attempt = 1; ; attempt++) {
            try {
                if (p.isNew()) {
                    managing.saveNew(changed);
                } else if (!changed.events().isEmpty()) {
                    managing.save(changed);
                }
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw new ImportInterruptedException(p.row().number(), storedBefore, "its indicator kept being changed by someone else");
                }
            } catch (InvalidInputException e) {
                throw new ImportInterruptedException(p.row().number(), storedBefore, e.field() + " " + e.getMessage());
            }
            // changed meanwhile: the row again, against what is stored now
            try {
                Definition definition = p.input().toDefinition();
                Indicator now = indicators.findByCode(definition.code()).orElseThrow(() ->
                        new InvalidInputException("code", "was removed meanwhile"));
                changed = managing.prepareChange(now, definition, caller);
            } catch (InvalidInputException | AccessDeniedException e) {
                throw new ImportInterruptedException(p.row().number(), storedBefore, "its indicator changed meanwhile: " + e.getMessage());
            }
        }
    }

    /** One checked measurement row: its command, for doing it again if its indicator is saved meanwhile. */
    private record PlannedMeasurement(IndicatorCsv.Row row, RecordMeasurement command) {
    }

    /** The indicator a file's rows change, as stored and as the rows so far leave it. */
    private static final class Working {
        final Indicator stored;
        Indicator current;
        final List<IndicatorEvent> events = new ArrayList<>();
        final List<PlannedMeasurement> rows = new ArrayList<>();

        Working(Indicator stored) {
            this.stored = stored;
            this.current = stored;
        }

        void apply(Indicator.Changed changed, PlannedMeasurement row) {
            current = changed.indicator();
            events.addAll(changed.events());
            rows.add(row);
        }
    }

    /** Measurements: code, period, value or expectedOn, commentary. A period already recorded is revised; each period of an indicator at most once in a file. */
    public Report importMeasurements(List<IndicatorCsv.Row> rows, Caller caller, boolean dryRun) {
        requireSize(rows);
        List<RowResult> results = new ArrayList<>();
        Map<String, Working> working = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (IndicatorCsv.Row row : rows) {
            results.add(checked(row, "code", "you may not record this indicator", () -> {
                String code = row.get("code");
                if (code == null) {
                    throw new InvalidInputException("code", "must not be blank");
                }
                Working w = working.get(code);
                if (w == null) {
                    Indicator indicator = indicators.findByCode(code)
                            .orElseThrow(() -> new InvalidInputException("code", "no indicator has the code " + code));
                    w = new Working(indicator);
                    working.put(code, w);
                }
                RecordMeasurement command = command(row);
                Integer earlier = seen.putIfAbsent(code + " @ " + command.period().label(), row.number());
                if (earlier != null) {
                    throw new InvalidInputException("period", command.period().label() + " of " + code + " is also in row "
                            + earlier + ": give each period one row");
                }
                boolean revising = w.current.measurement(command.period()).isPresent();
                if (revising && sameAsRecorded(w.current, command)) {
                    ManagingIndicators.requireMayRecord(caller, w.current);
                    return new RowResult(row.number(), code, Outcome.UNCHANGED, null, null);
                }
                w.apply(managing.prepareRecord(w.current, command, caller), new PlannedMeasurement(row, command));
                return new RowResult(row.number(), code, revising ? Outcome.UPDATED : Outcome.CREATED, null, null);
            }));
        }
        if (dryRun || results.stream().anyMatch(r -> r.outcome() == Outcome.REJECTED)) {
            return Report.of(dryRun, false, results);
        }
        int stored = 0;
        for (Working w : working.values()) {
            if (!w.rows.isEmpty()) {
                storeMeasurements(w, caller, stored);
                stored += w.rows.size();
            }
        }
        return Report.of(false, true, results);
    }

    private void storeMeasurements(Working w, Caller caller, int storedBefore) {
        Indicator.Changed changed = new Indicator.Changed(w.current, List.copyOf(w.events));
        for (int attempt = 1; ; attempt++) {
            try {
                managing.save(changed);
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw new ImportInterruptedException(w.rows.getFirst().row().number(), storedBefore,
                            "its indicator kept being changed by someone else");
                }
            }
            // saved meanwhile (another import, a person, the missing-data scan): its rows again, against what is stored now
            PlannedMeasurement at = w.rows.getFirst();
            try {
                Indicator now = managing.load(w.stored.id());
                List<IndicatorEvent> events = new ArrayList<>();
                for (PlannedMeasurement p : w.rows) {
                    at = p;
                    if (now.measurement(p.command().period()).isPresent() && sameAsRecorded(now, p.command())) {
                        continue;
                    }
                    Indicator.Changed next = managing.prepareRecord(now, p.command(), caller);
                    now = next.indicator();
                    events.addAll(next.events());
                }
                changed = new Indicator.Changed(now, events);
            } catch (InvalidInputException | AccessDeniedException e) {
                throw new ImportInterruptedException(at.row().number(), storedBefore, "its indicator changed meanwhile: " + e.getMessage());
            }
        }
    }

    private static RecordMeasurement command(IndicatorCsv.Row row) {
        String value = row.get("value");
        LocalDate expectedOn = date(row.get("expectedOn"));
        String commentary = row.get("commentary");
        java.util.regex.Matcher available = DATA_AVAILABLE.matcher(value == null ? "" : value);
        if (available.matches()) {
            // seed 004 writes "Data available in January 2020" where the value would be
            if (expectedOn == null) {
                try {
                    expectedOn = Period.parse(available.group(1)).end();
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("value", "'" + Inputs.clip(value) + "' names no month such as January 2022");
                }
            }
            commentary = commentary != null ? commentary : value;
            value = null;
        } else if (value != null && (value.toLowerCase().startsWith("not yet") || "n/a".equalsIgnoreCase(value))) {
            value = null;
        }
        return RecordMeasurement.of(row.get("period"), value, expectedOn, commentary);
    }

    /** One row's check, with its refusal as the row's result. */
    private static RowResult checked(IndicatorCsv.Row row, String deniedField, String deniedMessage, Supplier<RowResult> work) {
        String code = row.get("code");
        try {
            return work.get();
        } catch (InvalidInputException e) {
            return new RowResult(row.number(), code, Outcome.REJECTED, e.field(), e.getMessage());
        } catch (AccessDeniedException e) {
            return new RowResult(row.number(), code, Outcome.REJECTED, deniedField, deniedMessage, true);
        }
    }

    private boolean sameAsRecorded(Indicator indicator, RecordMeasurement command) {
        var m = indicator.measurement(command.period()).orElseThrow();
        String recorded = m.value() == null ? null : m.value().asWritten();
        return java.util.Objects.equals(recorded, command.value())
                && java.util.Objects.equals(m.commentary(), command.commentary())
                && java.util.Objects.equals(m.value() == null ? m.expectedOn() : null, command.value() == null ? command.expectedOn() : null);
    }

    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("expectedOn", "must be a date such as 2022-01-31, was " + text);
        }
    }

    private static void requireSize(List<IndicatorCsv.Row> rows) {
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "has no rows under its header");
        }
        if (rows.size() > MAX_ROWS) {
            throw new InvalidInputException("file", "has more than " + MAX_ROWS + " rows: split it");
        }
    }

    /** The financial year today falls in, for "Annual Target" columns. */
    public int currentFinancialYear() {
        return Period.containing(Period.Kind.YEAR, LocalDate.now(clock)).financialYear();
    }
}
