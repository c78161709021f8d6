package org.waypoint.indicator.indicators.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.waypoint.indicator.indicators.domain.Definition;
import org.waypoint.indicator.indicators.domain.Indicator;
import org.waypoint.indicator.indicators.domain.Indicators;
import org.waypoint.indicator.indicators.domain.Period;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * Use case: import indicator definitions and measurements row by row. Each row is checked and
 * saved on its own (with its events); a bad row is reported with its field and stores nothing, and
 * does not stop the others. {@code dryRun} checks every row and saves none.
 */
@Service
public class ImportingIndicators {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    /** What happened to one row (header = row 1). */
    public record RowResult(int row, String code, Outcome outcome, String field, String message) {
    }

    public record Report(boolean dryRun, int created, int updated, int unchanged, int rejected, List<RowResult> rows) {
        static Report of(boolean dryRun, List<RowResult> rows) {
            return new Report(dryRun, count(rows, Outcome.CREATED), count(rows, Outcome.UPDATED),
                    count(rows, Outcome.UNCHANGED), count(rows, Outcome.REJECTED), List.copyOf(rows));
        }

        private static int count(List<RowResult> rows, Outcome outcome) {
            return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
        }
    }

    public static final int MAX_ROWS = 5000;
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

    /** Definitions: new codes are defined, known codes changed. */
    public Report importDefinitions(List<IndicatorCsv.Row> rows, int annualTargetYear, Caller caller, boolean dryRun) {
        requireSize(rows);
        List<RowResult> results = new ArrayList<>();
        for (IndicatorCsv.Row row : rows) {
            results.add(eachRow(row, "serviceArea", "you may not define indicators here", () -> {
                String code = row.get("code");
                IndicatorInput input = IndicatorCsv.definition(row, annualTargetYear);
                Definition definition = input.toDefinition();
                ManagingIndicators.requireMayDefine(caller, definition.serviceArea());
                Optional<Indicator> existing = indicators.findByCode(definition.code());
                if (existing.isEmpty()) {
                    if (!dryRun) {
                        managing.define(input, caller);
                    }
                    return new RowResult(row.number(), code, Outcome.CREATED, null, null);
                }
                Indicator indicator = existing.get();
                ManagingIndicators.requireMayDefine(caller, indicator.definition().serviceArea());
                if (definition.changedFrom(indicator.definition()).isEmpty()) {
                    return new RowResult(row.number(), code, Outcome.UNCHANGED, null, null);
                }
                if (!dryRun) {
                    managing.change(indicator.id(), indicator.version(), input, caller);
                }
                return new RowResult(row.number(), code, Outcome.UPDATED, null,
                        "changed: " + String.join(", ", definition.changedFrom(indicator.definition())));
            }));
        }
        return Report.of(dryRun, results);
    }

    /** Measurements: code, period, value or expectedOn, commentary. A period already recorded is revised. */
    public Report importMeasurements(List<IndicatorCsv.Row> rows, Caller caller, boolean dryRun) {
        requireSize(rows);
        List<RowResult> results = new ArrayList<>();
        for (IndicatorCsv.Row row : rows) {
            results.add(eachRow(row, "code", "you may not record this indicator", () -> {
                String code = row.get("code");
                if (code == null) {
                    throw new InvalidInputException("code", "must not be blank");
                }
                Indicator indicator = indicators.findByCode(code)
                        .orElseThrow(() -> new InvalidInputException("code", "no indicator has the code " + code));
                String value = row.get("value");
                LocalDate expectedOn = date(row.get("expectedOn"));
                String commentary = row.get("commentary");
                java.util.regex.Matcher available = DATA_AVAILABLE.matcher(value == null ? "" : value);
                if (available.matches()) {
                    // seed 004 writes "Data available in January 2020" where the value would be
                    expectedOn = expectedOn != null ? expectedOn : Period.parse(available.group(1)).end();
                    commentary = commentary != null ? commentary : value;
                    value = null;
                } else if (value != null && (value.toLowerCase().startsWith("not yet") || "n/a".equalsIgnoreCase(value))) {
                    value = null;
                }
                RecordMeasurement command = RecordMeasurement.of(row.get("period"), value, expectedOn, commentary);
                Period period = command.period();
                boolean revising = indicator.measurement(period).isPresent();
                if (revising && sameAsRecorded(indicator, command)) {
                    return new RowResult(row.number(), code, Outcome.UNCHANGED, null, null);
                }
                if (dryRun) {
                    checkOnly(indicator, command, caller);
                } else {
                    managing.record(indicator.id(), indicator.version(), command, caller);
                }
                return new RowResult(row.number(), code, revising ? Outcome.UPDATED : Outcome.CREATED, null, null);
            }));
        }
        return Report.of(dryRun, results);
    }

    /** Attempts at a row whose indicator changed between being read and saved. */
    static final int ATTEMPTS = 3;

    /**
     * One row's work, with its refusals as the row's result. When the indicator changed between
     * being read and being saved (another import, a person, the missing-data scan), the row is done
     * again against what is stored now, a few times, before it is reported as a conflict.
     */
    private static RowResult eachRow(IndicatorCsv.Row row, String deniedField, String deniedMessage, Supplier<RowResult> work) {
        String code = row.get("code");
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (InvalidInputException e) {
                return new RowResult(row.number(), code, Outcome.REJECTED, e.field(), e.getMessage());
            } catch (AccessDeniedException e) {
                return new RowResult(row.number(), code, Outcome.REJECTED, deniedField, deniedMessage);
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    return new RowResult(row.number(), code, Outcome.REJECTED, "code", "changed by someone else meanwhile; import again");
                }
            }
        }
    }

    private boolean sameAsRecorded(Indicator indicator, RecordMeasurement command) {
        var m = indicator.measurement(command.period()).orElseThrow();
        String recorded = m.value() == null ? null : m.value().asWritten();
        return java.util.Objects.equals(recorded, command.value())
                && java.util.Objects.equals(m.commentary(), command.commentary())
                && java.util.Objects.equals(m.value() == null ? m.expectedOn() : null, command.value() == null ? command.expectedOn() : null);
    }

    private void checkOnly(Indicator indicator, RecordMeasurement command, Caller caller) {
        var d = indicator.definition();
        if (!caller.mayWrite(org.waypoint.platform.security.Roles.PERFORMANCE_OFFICER, d.serviceArea(),
                d.owner() == null ? null : d.owner().username())) {
            throw new AccessDeniedException("not allowed");
        }
        if (command.value() != null) {
            IndicatorInput.value(d.unit(), command.value(), "value");
        }
        Period p = command.period();
        if (p.kind() != d.frequency().periodKind() && p.kind() != Period.Kind.YEAR) {
            throw new InvalidInputException("period", "this indicator is measured " + d.frequency().name().toLowerCase());
        }
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
