package org.waypoint.risk.transfer.application;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.errors.NotFoundException;
import org.waypoint.risk.register.domain.Rating;
import org.waypoint.risk.register.domain.RiskRegister;
import org.waypoint.risk.register.domain.RiskRegisters;
import org.waypoint.risk.risk.application.ManagingRisks;
import org.waypoint.risk.risk.application.NewMitigation;
import org.waypoint.risk.risk.application.RaiseRisk;
import org.waypoint.risk.risk.application.RiskQueries;
import org.waypoint.risk.risk.application.ServiceAreaRule;
import org.waypoint.risk.risk.domain.MitigationStatus;
import org.waypoint.risk.risk.domain.Person;
import org.waypoint.risk.risk.domain.ReviewFrequency;
import org.waypoint.risk.risk.domain.Risk;
import org.waypoint.risk.risk.domain.RiskDetails;
import org.waypoint.risk.risk.domain.Risks;
import org.waypoint.risk.risk.domain.Which;

/**
 * Import and export of a register (CSV or XLSX, the same columns). Import checks every row and
 * reports each: a new code raises a risk, a known code re-assesses its current assessment when
 * Likelihood or Severity changed, an unchanged one is left alone. All or nothing: one wrong row
 * and nothing is stored (ADR 0021). Import is for whoever may change the register (performance
 * officers, admins, managers of its service area); export for every reader.
 */
@Service
public class TransferringRegisters {

    private final RiskRegisters registers;
    private final Risks risks;
    private final ManagingRisks managing;
    private final RiskQueries queries;

    public TransferringRegisters(RiskRegisters registers, Risks risks, ManagingRisks managing, RiskQueries queries) {
        this.registers = registers;
        this.risks = risks;
        this.managing = managing;
        this.queries = queries;
    }

    public RiskRegister register(String id) {
        return registers.find(id).orElseThrow(() -> new NotFoundException("There is no risk register " + id + "."));
    }

    /**
     * The risks an export holds: every match of the list's filters (a register's export is the
     * list filtered by that register), in the list's order, up to {@link RegisterCsv#MAX_ROWS}.
     */
    public List<Risk> matching(RiskQueries.Filter filter, String sortField, boolean ascending) {
        if (filter.registerId() != null) {
            register(filter.registerId());
        }
        return queries.list(filter, 0, RegisterCsv.MAX_ROWS, sortField, ascending).items();
    }

    /** The name of each register, by id, for the Register column of an export. */
    public Function<String, String> registerNames() {
        Map<String, String> names = new HashMap<>();
        return id -> names.computeIfAbsent(id, k -> registers.find(k).map(RiskRegister::name).orElse(""));
    }

    /** UTF-8 CSV through the platform's one writer ({@code CsvTables}: no cell opens as a formula). */
    public byte[] exportCsv(List<Risk> risks) {
        return RegisterCsv.write(risks, registerNames());
    }

    public byte[] exportXlsx(List<Risk> risks) {
        return RegisterXlsx.write(risks, registerNames());
    }

    public ImportReport importCsv(String registerId, String csv, boolean dryRun, String defaultCategory, Caller caller) {
        RiskRegister register = mayImport(registerId, caller);
        if (csv == null || csv.isBlank()) {
            throw new InvalidInputException("file", "is empty");
        }
        return importRows(register, RegisterCsv.parse(csv), "CSV", dryRun, defaultCategory, caller);
    }

    public ImportReport importXlsx(String registerId, byte[] xlsx, boolean dryRun, String defaultCategory, Caller caller) {
        RiskRegister register = mayImport(registerId, caller);
        if (xlsx == null || xlsx.length == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        return importRows(register, RegisterXlsx.parse(xlsx), "XLSX", dryRun, defaultCategory, caller);
    }

    /** Importing is changing the register: {@link ServiceAreaRule#requireMayChangeRegister} (403), then each row its own rule. */
    private RiskRegister mayImport(String registerId, Caller caller) {
        RiskRegister register = register(registerId);
        ServiceAreaRule.requireMayChangeRegister(caller, register.serviceArea());
        return register;
    }

    /**
     * Checks every row first; stores only when every row is right (and not on a dry run). Storing
     * goes row by row through the same steps as the API (events through the outbox); if the
     * register changes under it, {@link ImportInterruptedException} says how far it got.
     */
    private ImportReport importRows(RiskRegister register, List<RegisterCsv.Row> rows, String source, boolean dryRun,
                                    String defaultCategory, Caller caller) {
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "has no rows under its header");
        }
        List<Planned> planned = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RegisterCsv.Row row : rows) {
            planned.add(plan(register, row, source, defaultCategory, caller, seen));
        }
        List<ImportReport.RowReport> report = planned.stream().map(Planned::report).toList();
        boolean rejected = report.stream().anyMatch(r -> r.outcome() == ImportReport.Outcome.REJECTED);
        if (dryRun || rejected) {
            return ImportReport.of(dryRun, false, report);
        }
        int stored = 0;
        for (Planned p : planned) {
            try {
                p.store().run();
            } catch (InvalidInputException | OptimisticLockingFailureException | DuplicateKeyException e) {
                throw new ImportInterruptedException(p.report().row(), stored, e);
            }
            stored++;
        }
        return ImportReport.of(false, true, report);
    }

    /** A checked row: what the report says about it and how to store it. */
    private record Planned(ImportReport.RowReport report, Runnable store) {
    }

    private static final Runnable NOTHING = () -> { };

    private Planned plan(RiskRegister register, RegisterCsv.Row row, String source, String defaultCategory, Caller caller,
                         Set<String> seen) {
        List<String> warnings = new ArrayList<>();
        String code = row.get("Code");
        try {
            code = RiskDetails.checkCode(code);
            if (!seen.add(code)) {
                throw new InvalidInputException("Code", code + " appears more than once in the file");
            }
            Rating current = rating(row, "Likelihood", "Severity", true);
            Integer stated = integer(row, "Risk Score");
            if (stated != null && stated != current.score()) {
                warnings.add("Risk Score " + stated + " disagrees with Likelihood x Severity = " + current.likelihood() + " x "
                        + current.impact() + " = " + current.score() + ": the stated score is not stored, " + current.score() + " is");
            }
            String band = row.get("Band");
            String computedBand = register.assess(current).band().label();
            if (band != null && !band.equalsIgnoreCase(computedBand) && !band.equalsIgnoreCase(register.assess(current).band().name())) {
                warnings.add("Band '" + band + "' disagrees with the register's banding, which puts " + current.score()
                        + " in " + computedBand + ": " + computedBand + " is stored");
            }
            Risk existing = risks.findByCode(register.id(), code).orElse(null);
            if (existing != null) {
                try {
                    managing.requireMayChange(existing, caller);
                } catch (AccessDeniedException refused) {
                    throw new InvalidInputException("Code", code + " is a risk of " + existing.serviceArea()
                            + ", where you may not change risks");
                }
                if (existing.current().sameRating(register.assess(current))) {
                    return new Planned(new ImportReport.RowReport(row.number(), code, ImportReport.Outcome.UNCHANGED,
                            current.score(), computedBand, warnings, List.of()), NOTHING);
                }
                warnings.add("Current assessment " + existing.current() + " -> " + register.assess(current));
                String justification = "Imported from " + source + " (row " + row.number() + ")";
                return new Planned(new ImportReport.RowReport(row.number(), code, ImportReport.Outcome.UPDATED, current.score(),
                        computedBand, warnings, List.of()),
                        () -> managing.assess(existing.id().value(), existing.version(), Which.CURRENT, current, justification, caller));
            }
            RaiseRisk command = new RaiseRisk(register.id(), code, title(row), description(row), row.get("Risk Factors"),
                    row.get("Category") == null ? defaultCategory : row.get("Category"), owner(row), null,
                    rating(row, "Original Likelihood", "Original Severity", false), current,
                    rating(row, "Target Likelihood", "Target Severity", false),
                    ReviewFrequency.parse(row.get("Review Frequency"), "Review Frequency"), date(row, "Next Review"),
                    mitigations(row));
            Risk.Changed raised;
            try {
                raised = managing.raiseIn(register, command, caller, true);
            } catch (AccessDeniedException refused) {
                throw new InvalidInputException("Owner", "you may not raise a risk for " + command.owner().name()
                        + " in this register's service area (" + register.serviceArea() + ")");
            }
            return new Planned(new ImportReport.RowReport(row.number(), code, ImportReport.Outcome.CREATED, current.score(),
                    computedBand, warnings, List.of()), () -> risks.insert(raised.risk(), raised.events()));
        } catch (InvalidInputException e) {
            return new Planned(new ImportReport.RowReport(row.number(), code, ImportReport.Outcome.REJECTED, null, null, warnings,
                    List.of(new ImportReport.RowError(column(e.field()), e.getMessage()))), NOTHING);
        }
    }

    private static String column(String field) {
        return switch (field) {
            case "current.likelihood" -> "Likelihood";
            case "current.impact" -> "Severity";
            case "code" -> "Code";
            case "title" -> "Title";
            case "category" -> "Category";
            case "description" -> "Risk Description";
            case "riskFactors" -> "Risk Factors";
            case "owner.name" -> "Owner";
            case "owner.username" -> "Owner Username";
            case "owner.email" -> "Owner Email";
            case "text", "mitigation.text" -> "Mitigation";
            default -> field;
        };
    }

    private static Rating rating(RegisterCsv.Row row, String likelihoodColumn, String severityColumn, boolean required) {
        Integer likelihood = integer(row, likelihoodColumn);
        Integer severity = integer(row, severityColumn);
        if (!required && likelihood == null && severity == null) {
            return null;
        }
        if (likelihood == null) {
            throw new InvalidInputException(likelihoodColumn, "must be a whole number 1-5");
        }
        if (severity == null) {
            throw new InvalidInputException(severityColumn, "must be a whole number 1-5");
        }
        if (likelihood < 1 || likelihood > 5) {
            throw new InvalidInputException(likelihoodColumn, "must be between 1 and 5, was " + likelihood);
        }
        if (severity < 1 || severity > 5) {
            throw new InvalidInputException(severityColumn, "must be between 1 and 5, was " + severity);
        }
        return new Rating(likelihood, severity);
    }

    private static Integer integer(RegisterCsv.Row row, String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(column, "'" + value + "' is not a whole number");
        }
    }

    private static LocalDate date(RegisterCsv.Row row, String column) {
        String value = row.get(column);
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(column, "'" + value + "' is not a date like 2022-03-31");
        }
    }

    /** The Title column, or the first paragraph or sentence of the Risk Description (seed 000 starts with the title). */
    static String title(RegisterCsv.Row row) {
        if (row.get("Title") != null) {
            return row.get("Title");
        }
        String description = row.get("Risk Description");
        if (description == null) {
            throw new InvalidInputException("Title", "give a Title or a Risk Description");
        }
        String plain = description.replaceAll("(?i)</p>\\s*<p>", "\n").replaceAll("<[^>]+>", "").strip();
        String first = plain.split("\\R", 2)[0].strip();
        return first.length() <= Risk.MAX_TITLE ? first : first.substring(0, Risk.MAX_TITLE - 3) + "...";
    }

    static String description(RegisterCsv.Row row) {
        String description = row.get("Risk Description");
        if (description == null) {
            return null;
        }
        String plain = description.replaceAll("(?i)</p>\\s*<p>", "\n").replaceAll("<[^>]+>", "").strip();
        if (row.get("Title") == null) {
            String[] parts = plain.split("\\R", 2);
            return parts.length > 1 ? parts[1].strip() : null;
        }
        return plain;
    }

    private static Person owner(RegisterCsv.Row row) {
        String name = row.get("Owner");
        return name == null ? new Person("Unassigned", null, null) : new Person(name, row.get("Owner Username"), row.get("Owner Email"));
    }

    private static List<NewMitigation> mitigations(RegisterCsv.Row row) {
        String text = row.get("Mitigation");
        if (text == null) {
            return List.of();
        }
        List<NewMitigation> out = new ArrayList<>();
        for (String line : text.replaceAll("<[^>]+>", "\n").split("\\R|\u2022")) {
            String t = line.strip().replaceFirst("^[-*\u2013]\\s*", "");
            if (!t.isBlank() && out.size() < Risk.MAX_MITIGATIONS) {
                out.add(new NewMitigation(t.length() > 2000 ? t.substring(0, 2000) : t, null, null, MitigationStatus.IN_PLACE, null));
            }
        }
        return out;
    }
}
