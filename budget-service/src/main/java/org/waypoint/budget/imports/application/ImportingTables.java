package org.waypoint.budget.imports.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.waypoint.budget.imports.domain.TableCheck;
import org.waypoint.budget.imports.domain.TableLines;
import org.waypoint.budget.line.application.BudgetQueries;
import org.waypoint.budget.line.application.Organisations;
import org.waypoint.budget.line.application.SettingBudgets;
import org.waypoint.budget.line.application.WhoMayWrite;
import org.waypoint.budget.line.domain.BudgetLine;
import org.waypoint.budget.line.domain.BudgetType;
import org.waypoint.budget.line.domain.FinancialYear;
import org.waypoint.budget.line.domain.LineDetails;
import org.waypoint.budget.line.domain.Money;
import org.waypoint.budget.line.domain.SubjectiveCategory;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.validation.Text;

/**
 * Use case: store the budget lines of an uploaded table (ADR 0031). The table is checked against
 * its own arithmetic ({@link TableCheck}), read into lines ({@link TableLines}), each line placed in
 * its division and checked against the lines already kept. It is stored all or nothing, and only
 * when nothing is wrong: a cell that cannot be a line refuses the table (400), a line already kept
 * refuses it (409), and a stated total, subtotal or percentage its lines contradict refuses it
 * (422) unless the person quotes the report's {@code acknowledgement} in
 * {@code acceptDiscrepancies}, which each stored line's history then records.
 */
@Service
public class ImportingTables {

    private final SettingBudgets setting;
    private final BudgetQueries queries;
    private final Organisations organisations;

    public ImportingTables(SettingBudgets setting, BudgetQueries queries, Organisations organisations) {
        this.setting = setting;
        this.queries = queries;
        this.organisations = organisations;
    }

    /**
     * What the person asked for; text as given, each parameter one line of text ({@link Text#oneLine},
     * checked here, the rest when the lines are read). {@code source}, the uploaded file's name, is
     * kept for the history on one line ({@link Text#flatten}).
     */
    public record Request(String organisation, String year, String rows, String columns, String division,
                          String fundingSource, String category, String type, String project, String unit,
                          String totalColumn, boolean dryRun, String acceptDiscrepancies, String source) {
        public Request {
            Text.oneLine("organisation", organisation);
            Text.oneLine("year", year);
            Text.oneLine("rows", rows);
            Text.oneLine("columns", columns);
            Text.oneLine("division", division);
            Text.oneLine("fundingSource", fundingSource);
            Text.oneLine("category", category);
            Text.oneLine("type", type);
            Text.oneLine("project", project);
            Text.oneLine("unit", unit);
            Text.oneLine("totalColumn", totalColumn);
            Text.oneLine("acceptDiscrepancies", acceptDiscrepancies);
            source = Text.flatten(source);
        }
    }

    public enum Outcome {
        /** Stored: every line of the table is kept. */
        STORED,
        /** A dry run: nothing stored; {@code wouldStore} says whether the same request would. */
        CHECKED,
        /** Some cell cannot be a line (400). */
        REFUSED_ERRORS,
        /** Some line is kept already (409). */
        REFUSED_CONFLICTS,
        /** The table's stated figures disagree with its lines and that was not accepted (422). */
        REFUSED_DISCREPANCIES
    }

    /** A line of the table: where it was read and what it says; {@code lineId} once stored. */
    public record ImportedLine(int row, String label, String column, String financialYear, String organisation,
                               String serviceArea, String division, String fundingSource, String type, String project,
                               String category, String amount, String lineId) {
    }

    public record Conflict(int row, String column, String existingLineId, String message) {
    }

    public record Result(Outcome outcome, boolean dryRun, boolean stored, boolean wouldStore, String message,
                         String organisation, String year, String rows, String columns,
                         int discrepancies, String acknowledgement, boolean discrepanciesAccepted,
                         List<ImportedLine> lines, int zeroCellsSkipped, String linesTotal,
                         List<TableLines.Problem> errors, List<Conflict> conflicts, TableCheck.Report check) {
    }

    /** @param firstRow the row number of the header as the person sees it in the file */
    public Result importTable(List<List<String>> table, int firstRow, Request request, Caller caller) {
        WhoMayWrite.requireMaySetBudgets(caller);
        TableCheck.Report check = TableCheck.check(table, unit(request.unit()), blank(request.totalColumn()), firstRow);
        List<TableLines.Problem> problems = new ArrayList<>();
        String organisation = blank(request.organisation());
        if (organisation == null) {
            problems.add(new TableLines.Problem("organisation", "must be given: the organisation whose budget the table is"));
        } else if (organisations.divisionsOf(organisation).isEmpty()) {
            problems.add(new TableLines.Problem("organisation", "'" + organisation + "' is not a known organisation: known are "
                    + String.join(", ", organisations.names())));
        }
        FinancialYear year = null;
        if (blank(request.year()) != null) {
            year = FinancialYear.parse(request.year(), "year");
        } else {
            year = TableLines.yearIn(check.header()).orElse(null);
            if (year == null) {
                problems.add(new TableLines.Problem("year", "must be given (e.g. 2021/22): the table's header does not name one financial year"));
            }
        }
        TableLines.Axis rows = TableLines.Axis.parse(request.rows() == null ? "division" : request.rows(), "rows");
        TableLines.Axis columns = TableLines.Axis.parse(request.columns() == null ? "fundingSource" : request.columns(), "columns");
        SubjectiveCategory category = category(request.category());
        BudgetType type = type(request.type());
        String acknowledgement = TableLines.acknowledgement(check.disagreements());
        if (!problems.isEmpty()) {
            return refused(Outcome.REFUSED_ERRORS, request, organisation, year, rows, columns, acknowledgement, false,
                    List.of(), 0, problems, List.of(), check, "The table cannot be read into budget lines: nothing was stored.");
        }
        TableLines.Proposal proposal = TableLines.propose(check, new TableLines.Layout(organisation, year, rows, columns,
                blank(request.division()), blank(request.fundingSource()), category, type, blank(request.project())));
        problems.addAll(proposal.problems());

        List<TableLines.Proposed> placed = new ArrayList<>();
        for (TableLines.Proposed p : proposal.lines()) {
            try {
                placed.add(new TableLines.Proposed(p.row(), p.label(), p.column(), setting.placed(p.details())));
            } catch (InvalidInputException e) {
                problems.add(new TableLines.Problem(field(p, e.field()), "'" + valueOf(p.details(), e.field()) + "' ("
                        + where(p) + "): " + e.getMessage()));
            }
        }
        boolean accepted = acknowledgement != null && acknowledgement.equalsIgnoreCase(blank(request.acceptDiscrepancies()) == null
                ? "" : request.acceptDiscrepancies().strip());
        List<ImportedLine> lines = placed.stream().map(p -> line(p, null)).toList();
        if (!problems.isEmpty()) {
            return refused(Outcome.REFUSED_ERRORS, request, organisation, year, rows, columns, acknowledgement, accepted, lines,
                    proposal.zeroCellsSkipped(), problems, List.of(), check,
                    problems.size() + " problem(s) in the table: nothing was stored. Correct the file (or the parameters) and upload it again.");
        }
        if (placed.isEmpty()) {
            return refused(Outcome.REFUSED_ERRORS, request, organisation, year, rows, columns, acknowledgement, accepted, lines,
                    proposal.zeroCellsSkipped(), List.of(new TableLines.Problem("file", "states no budget line: every amount is zero or empty")),
                    List.of(), check, "Nothing to store.");
        }
        for (TableLines.Proposed p : placed) {
            WhoMayWrite.requireMaySet(caller, p.details());
        }
        List<Conflict> conflicts = conflicts(placed, organisation, year);
        if (!conflicts.isEmpty()) {
            return refused(Outcome.REFUSED_CONFLICTS, request, organisation, year, rows, columns, acknowledgement, accepted, lines,
                    proposal.zeroCellsSkipped(), List.of(), conflicts, check, conflicts.size()
                    + " line(s) of the table are budgeted already: nothing was stored. Change those lines instead, or withdraw them first.");
        }
        if (!check.agrees() && !accepted) {
            String why = blank(request.acceptDiscrepancies()) == null ? "" : " The acknowledgement given ("
                    + request.acceptDiscrepancies().strip() + ") is not this table's: its discrepancies differ from the ones accepted.";
            String message = check.disagreements().size() + " stated figure(s) of the table disagree with what its lines add up to."
                    + why + " To store the lines as they are anyway, pass acceptDiscrepancies=" + acknowledgement + ".";
            if (request.dryRun()) {
                return result(Outcome.CHECKED, request, false, false, message + " Nothing was stored (dry run).", organisation, year,
                        rows, columns, check, acknowledgement, false, lines, proposal.zeroCellsSkipped(), List.of(), List.of());
            }
            return refused(Outcome.REFUSED_DISCREPANCIES, request, organisation, year, rows, columns, acknowledgement, false, lines,
                    proposal.zeroCellsSkipped(), List.of(), List.of(), check, message + " Nothing was stored.");
        }
        if (request.dryRun()) {
            return result(Outcome.CHECKED, request, false, true, placed.size() + " line(s) would be stored (dry run: nothing was).",
                    organisation, year, rows, columns, check, acknowledgement, accepted, lines, proposal.zeroCellsSkipped(),
                    List.of(), List.of());
        }
        List<String> whats = placed.stream().map(p -> "budget set by import (" + where(p)
                + (request.source() == null ? "" : " of " + request.source()) + ")"
                + (accepted ? "; " + check.disagreements().size() + " discrepancy(ies) in the table's stated figures accepted (acknowledgement "
                + acknowledgement + ")" : "")).toList();
        List<BudgetLine> stored = setting.setAll(placed.stream().map(TableLines.Proposed::details).toList(), whats, caller);
        List<ImportedLine> storedLines = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            storedLines.add(line(placed.get(i), stored.get(i).id().value()));
        }
        return result(Outcome.STORED, request, true, true, stored.size() + " line(s) stored"
                        + (accepted ? ", with " + check.disagreements().size() + " accepted discrepancy(ies) recorded in their history." : "."),
                organisation, year, rows, columns, check, acknowledgement, accepted, storedLines, proposal.zeroCellsSkipped(),
                List.of(), List.of());
    }

    private List<Conflict> conflicts(List<TableLines.Proposed> placed, String organisation, FinancialYear year) {
        Map<List<Object>, String> kept = new HashMap<>();
        for (BudgetLine line : queries.matching(new BudgetQueries.Filter(year.toString(), organisation, null, null, null, null,
                null, null, null, null), Integer.MAX_VALUE)) {
            kept.putIfAbsent(TableLines.keyOf(line.details()), line.id().value());
        }
        List<Conflict> conflicts = new ArrayList<>();
        for (TableLines.Proposed p : placed) {
            String existing = kept.get(p.key());
            if (existing != null) {
                conflicts.add(new Conflict(p.row(), p.column(), existing, "row " + p.row() + ", column '" + p.column()
                        + "' is budget line " + existing + " already"));
            }
        }
        return conflicts;
    }

    private static Result refused(Outcome outcome, Request request, String organisation, FinancialYear year, TableLines.Axis rows,
                                  TableLines.Axis columns, String acknowledgement, boolean accepted, List<ImportedLine> lines,
                                  int zeros, List<TableLines.Problem> errors, List<Conflict> conflicts, TableCheck.Report check,
                                  String message) {
        return result(outcome, request, false, false, message, organisation, year, rows, columns, check, acknowledgement, accepted,
                lines, zeros, errors, conflicts);
    }

    private static Result result(Outcome outcome, Request request, boolean stored, boolean wouldStore, String message,
                                 String organisation, FinancialYear year, TableLines.Axis rows, TableLines.Axis columns,
                                 TableCheck.Report check, String acknowledgement, boolean accepted, List<ImportedLine> lines,
                                 int zeros, List<TableLines.Problem> errors, List<Conflict> conflicts) {
        Money total = lines.stream().map(l -> Money.of(l.amount())).reduce(Money.ZERO, Money::plus);
        return new Result(outcome, request.dryRun(), stored, wouldStore, message, organisation, year == null ? null : year.toString(),
                axis(rows), axis(columns), check.disagreements().size(), acknowledgement, accepted, List.copyOf(lines), zeros,
                total.toString(), List.copyOf(errors), List.copyOf(conflicts), check);
    }

    private static String axis(TableLines.Axis axis) {
        return switch (axis) {
            case DIVISION -> "division";
            case FUNDING_SOURCE -> "fundingSource";
            case CATEGORY -> "category";
            case PROJECT -> "project";
        };
    }

    private static ImportedLine line(TableLines.Proposed p, String id) {
        LineDetails d = p.details();
        return new ImportedLine(p.row(), p.label(), p.column(), d.financialYear().toString(), d.organisation(), d.serviceArea(),
                d.division(), d.fundingSource(), d.type().name(), d.project(), d.category() == null ? null : d.category().name(),
                d.amount().toString(), id);
    }

    private static String where(TableLines.Proposed p) {
        return "row " + p.row() + ", column '" + Text.flatten(p.column()) + "'";
    }

    private static String field(TableLines.Proposed p, String field) {
        return "rows[" + p.row() + "]." + field;
    }

    private static String valueOf(LineDetails d, String field) {
        return String.valueOf(d.asText().get(field));
    }

    private static TableCheck.Unit unit(String unit) {
        if (blank(unit) == null) {
            return null;
        }
        try {
            return TableCheck.Unit.valueOf(unit.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unit", "must be pounds, thousands or millions");
        }
    }

    private static SubjectiveCategory category(String text) {
        if (blank(text) == null) {
            return null;
        }
        return TableLines.category(text).orElseThrow(() -> new InvalidInputException("category", "'" + text.strip()
                + "' is not a subjective category"));
    }

    private static BudgetType type(String text) {
        if (blank(text) == null) {
            return null;
        }
        try {
            return BudgetType.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("type", "must be REVENUE or CAPITAL");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
