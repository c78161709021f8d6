package org.waypoint.risk.transfer.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
import org.waypoint.risk.risk.application.ManagingRisks;
import org.waypoint.risk.risk.application.NewMitigation;
import org.waypoint.risk.risk.application.RaiseRisk;
import org.waypoint.risk.risk.domain.MitigationStatus;
import org.waypoint.risk.risk.domain.Person;
import org.waypoint.risk.risk.domain.ReviewFrequency;
import org.waypoint.risk.risk.domain.Risk;
import org.waypoint.risk.risk.domain.Risks;
import org.waypoint.risk.risk.domain.Which;

/**
 * Import and export of a register. Import goes row by row: a new code raises a risk, a known code
 * re-assesses its current assessment when Likelihood or Severity changed, and every row is
 * reported. Import is for whoever may change the register (performance officers, managers of its
 * service area); export for every reader.
 */
@Service
public class TransferringRegisters {

    private final RiskRegisters registers;
    private final Risks risks;
    private final ManagingRisks managing;
    private final Clock clock;

    public TransferringRegisters(RiskRegisters registers, Risks risks, ManagingRisks managing, Clock clock) {
        this.registers = registers;
        this.risks = risks;
        this.managing = managing;
        this.clock = clock;
    }

    public RiskRegister register(String id) {
        return registers.find(id).orElseThrow(() -> new NotFoundException("There is no risk register " + id + "."));
    }

    public List<Risk> risksOf(String registerId) {
        register(registerId);
        return risks.inRegister(registerId);
    }

    public String exportCsv(String registerId) {
        return RegisterCsv.write(risksOf(registerId));
    }

    public ImportReport importCsv(String registerId, String csv, boolean dryRun, String defaultCategory, Caller caller) {
        RiskRegister register = register(registerId);
        if (!caller.mayWrite(Roles.PERFORMANCE_OFFICER, register.serviceArea(), List.of())) {
            throw new AccessDeniedException("Only performance officers, or managers within the register's service area, import a register");
        }
        if (csv == null || csv.isBlank()) {
            throw new InvalidInputException("file", "is empty");
        }
        List<ImportReport.RowReport> report = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RegisterCsv.Row row : RegisterCsv.parse(csv)) {
            report.add(importRow(register, row, dryRun, defaultCategory, caller, seen));
        }
        return ImportReport.of(dryRun, report);
    }

    private ImportReport.RowReport importRow(RiskRegister register, RegisterCsv.Row row, boolean dryRun, String defaultCategory,
                                             Caller caller, Set<String> seen) {
        List<String> warnings = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        String code = row.get("Code");
        try {
            code = Risk.checkCode(code);
            if (!seen.add(code)) {
                throw new InvalidInputException("Code", code + " appears more than once in the file");
            }
            Rating current = rating(row, "Likelihood", "Severity", true);
            Integer stated = integer(row, "Risk Score");
            if (stated != null && stated != current.score()) {
                warnings.add("Risk Score " + stated + " disagrees with Likelihood x Severity = " + current.likelihood() + " x "
                        + current.impact() + " = " + current.score() + ": the stated score was not stored, " + current.score() + " was");
            }
            String band = row.get("Band");
            String computedBand = register.assess(current).band().label();
            if (band != null && !band.equalsIgnoreCase(computedBand) && !band.equalsIgnoreCase(register.assess(current).band().name())) {
                warnings.add("Band '" + band + "' disagrees with the register's banding, which puts " + current.score()
                        + " in " + computedBand + ": " + computedBand + " was stored");
            }
            Risk existing = risks.findByCode(register.id(), code).orElse(null);
            if (existing != null) {
                if (existing.current().sameRating(register.assess(current))) {
                    return new ImportReport.RowReport(row.number(), code, ImportReport.Outcome.UNCHANGED, current.score(),
                            computedBand, warnings, errors);
                }
                if (!dryRun) {
                    managing.assess(existing.id(), existing.version(), Which.CURRENT, current,
                            "Imported from CSV (row " + row.number() + ")", caller);
                }
                warnings.add("Current assessment " + existing.current() + " -> " + register.assess(current));
                return new ImportReport.RowReport(row.number(), code, ImportReport.Outcome.UPDATED, current.score(),
                        computedBand, warnings, errors);
            }
            RaiseRisk command = new RaiseRisk(register.id(), code, title(row), description(row), row.get("Risk Factors"),
                    row.get("Category") == null ? defaultCategory : row.get("Category"), owner(row), null,
                    rating(row, "Original Likelihood", "Original Severity", false), current,
                    rating(row, "Target Likelihood", "Target Severity", false),
                    ReviewFrequency.parse(row.get("Review Frequency"), "Review Frequency"), date(row, "Next Review"),
                    mitigations(row));
            Risk.Changed raised = managing.raiseIn(register, command, caller.username(), true);
            if (!dryRun) {
                risks.insert(raised.risk(), raised.events());
            }
            return new ImportReport.RowReport(row.number(), code, ImportReport.Outcome.CREATED, current.score(),
                    computedBand, warnings, errors);
        } catch (InvalidInputException e) {
            errors.add(column(e.field()) + ": " + e.getMessage());
        } catch (OptimisticLockingFailureException e) {
            errors.add("the risk changed while importing; import the row again");
        }
        return new ImportReport.RowReport(row.number(), code, ImportReport.Outcome.REJECTED, null, null, warnings, errors);
    }

    private static String column(String field) {
        return switch (field) {
            case "current.likelihood" -> "Likelihood";
            case "current.impact" -> "Severity";
            case "code" -> "Code";
            case "title" -> "Title";
            case "category" -> "Category";
            case "description" -> "Risk Description";
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
