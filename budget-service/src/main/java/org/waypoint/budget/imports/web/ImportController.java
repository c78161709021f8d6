package org.waypoint.budget.imports.web;

import java.io.IOException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.waypoint.budget.imports.application.ImportingTables;
import org.waypoint.budget.imports.domain.TableCheck;
import org.waypoint.budget.spreadsheet.Spreadsheets;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.web.ProblemDetailsAdvice;
import org.waypoint.platform.web.Problems;

/**
 * Budget tables in (ADR 0030, 0031). A table comes as a CSV or tab-separated body, an XLSX body, or
 * a multipart {@code file} (CSV, TSV or XLSX).
 * <ul>
 * <li>{@code POST /api/budgets/imports/check}: every stated total, subtotal, row total and percentage
 * its own lines contradict. Stores nothing; corrects nothing.</li>
 * <li>{@code POST /api/budgets/imports}: stores the table's lines, all or nothing, only when nothing
 * is wrong: 201 stored; 400 a cell that cannot be a line; 409 a line budgeted already; 422 stated
 * figures that disagree with the lines, unless {@code acceptDiscrepancies} quotes the report's
 * {@code acknowledgement}. {@code dryRun=true} answers 200 with what would happen.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/budgets/imports")
public class ImportController {

    static final int MAX_BYTES = 2_000_000;

    private final ImportingTables importing;

    public ImportController(ImportingTables importing) {
        this.importing = importing;
    }

    /**
     * How to read a table into lines: {@code organisation}, {@code year} (default: the one the
     * header names), what {@code rows} and {@code columns} name (division, fundingSource, category
     * or project; default division and fundingSource), values of what neither names
     * ({@code division}, {@code fundingSource}, {@code category}, {@code type}, {@code project}),
     * {@code unit} and {@code totalColumn} as for the check.
     */
    public record ImportParameters(String organisation, String year, String rows, String columns, String division,
                                   String fundingSource, String category, String type, String project, String unit,
                                   String totalColumn, Boolean dryRun, String acceptDiscrepancies) {

        ImportingTables.Request request(String source) {
            return new ImportingTables.Request(organisation, year, rows, columns, division, fundingSource, category, type,
                    project, unit, totalColumn, Boolean.TRUE.equals(dryRun), acceptDiscrepancies, source);
        }
    }

    @PostMapping(path = "/check", consumes = {"text/csv", "text/tab-separated-values", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize(Roles.CAN_READ)
    public TableCheck.Report checkText(@RequestBody byte[] table, @RequestParam(required = false) String unit,
                                       @RequestParam(required = false) String totalColumn) {
        return check(Spreadsheets.readText(limit(table)), unit, totalColumn);
    }

    @PostMapping(path = "/check", consumes = Spreadsheets.XLSX_MEDIA_TYPE)
    @PreAuthorize(Roles.CAN_READ)
    public TableCheck.Report checkXlsx(@RequestBody byte[] xlsx, @RequestParam(required = false) String unit,
                                       @RequestParam(required = false) String totalColumn) {
        return check(Spreadsheets.readXlsx(limit(xlsx)), unit, totalColumn);
    }

    @PostMapping(path = "/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.CAN_READ)
    public TableCheck.Report checkFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String unit,
                                       @RequestParam(required = false) String totalColumn) throws IOException {
        return check(read(file), unit, totalColumn);
    }

    @PostMapping(consumes = {"text/csv", "text/tab-separated-values", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<Object> importText(@RequestBody byte[] table, @ModelAttribute ImportParameters parameters,
                                             Authentication auth) {
        Spreadsheets.Table rows = Spreadsheets.readText(limit(table));
        return answer(importing.importTable(rows.rows(), rows.firstRow(), parameters.request(null), Caller.of(auth)));
    }

    @PostMapping(consumes = Spreadsheets.XLSX_MEDIA_TYPE)
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<Object> importXlsx(@RequestBody byte[] xlsx, @ModelAttribute ImportParameters parameters,
                                             Authentication auth) {
        Spreadsheets.Table table = Spreadsheets.readXlsx(limit(xlsx));
        return answer(importing.importTable(table.rows(), table.firstRow(), parameters.request(null), Caller.of(auth)));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<Object> importFile(@RequestPart("file") MultipartFile file, @ModelAttribute ImportParameters parameters,
                                             Authentication auth) throws IOException {
        Spreadsheets.Table table = read(file);
        return answer(importing.importTable(table.rows(), table.firstRow(), parameters.request(file.getOriginalFilename()),
                Caller.of(auth)));
    }

    private static TableCheck.Report check(Spreadsheets.Table table, String unit, String totalColumn) {
        return TableCheck.check(table.rows(), unit(unit), totalColumn, table.firstRow());
    }

    private static Spreadsheets.Table read(MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "is empty");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new InvalidInputException("file", "must be at most " + MAX_BYTES + " bytes");
        }
        return Spreadsheets.read(file.getBytes(), file.getOriginalFilename(), file.getContentType());
    }

    private static byte[] limit(byte[] bytes) {
        if (bytes != null && bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", "must be at most " + MAX_BYTES + " bytes");
        }
        return bytes;
    }

    private static ResponseEntity<Object> answer(ImportingTables.Result result) {
        return switch (result.outcome()) {
            case STORED -> ResponseEntity.status(HttpStatus.CREATED).body(result);
            case CHECKED -> ResponseEntity.ok(result);
            case REFUSED_ERRORS -> problem(HttpStatus.BAD_REQUEST, "Table not stored", result,
                    result.errors().stream().map(e -> new ProblemDetailsAdvice.FieldError(e.field(), e.message())).toList());
            case REFUSED_CONFLICTS -> problem(HttpStatus.CONFLICT, "Lines budgeted already", result,
                    result.conflicts().stream().map(c -> new ProblemDetailsAdvice.FieldError("rows[" + c.row() + "]", c.message())).toList());
            case REFUSED_DISCREPANCIES -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "Stated figures disagree with the lines", result,
                    result.check().disagreements().stream().map(d -> new ProblemDetailsAdvice.FieldError(
                            "rows[" + d.row() + "]['" + d.column() + "']", d.check() + ": stated " + d.stated() + ", the lines make "
                            + d.computed())).toList());
        };
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String title, ImportingTables.Result result,
                                                  List<ProblemDetailsAdvice.FieldError> errors) {
        ProblemDetail problem = Problems.of(status, title, result.message());
        problem.setProperty("errors", errors);
        problem.setProperty("report", result);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static TableCheck.Unit unit(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        try {
            return TableCheck.Unit.valueOf(unit.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unit", "must be pounds, thousands or millions");
        }
    }
}
