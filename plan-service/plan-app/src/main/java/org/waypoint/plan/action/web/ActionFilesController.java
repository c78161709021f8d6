package org.waypoint.plan.action.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.waypoint.plan.action.application.ActionQueries;
import org.waypoint.plan.action.application.ImportingActions;
import org.waypoint.plan.action.application.StatusRules;
import org.waypoint.plan.action.domain.Action;
import org.waypoint.plan.action.domain.ActionStatus;
import org.waypoint.plan.action.domain.Lead;
import org.waypoint.plan.action.spreadsheet.Spreadsheets;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.web.ProblemDetailsAdvice;
import org.waypoint.platform.web.Problems;

/** Actions to and from spreadsheets: {@code GET /api/actions/export}, {@code POST /api/actions/import}. */
@RestController
@RequestMapping("/api/actions")
public class ActionFilesController {

    static final List<String> EXPORT_COLUMNS = List.of("Reference", "Plan", "Priority", "Title", "Service area", "Leads",
            "Start", "Due (as written)", "Due date", "Review date", "Progress %", "Status", "Judged by",
            "Exception reason", "Corrective action", "Revised date");
    /** The columns of text people type (the rest are dates, numbers and statuses), by index in {@link #EXPORT_COLUMNS}. */
    static final Set<Integer> TEXT_COLUMNS = Set.of(0, 1, 2, 3, 4, 5, 7, 13, 14);

    private final ActionQueries queries;
    private final ImportingActions importing;
    private final StatusRules rules;
    private final Clock clock;

    public ActionFilesController(ActionQueries queries, ImportingActions importing, StatusRules rules, Clock clock) {
        this.queries = queries;
        this.importing = importing;
        this.rules = rules;
        this.clock = clock;
    }

    /** Any filtered list, as CSV (formula-like cells neutralised, {@link Spreadsheets#write}) or XLSX (string cells only). */
    @GetMapping("/export")
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<byte[]> export(@RequestParam(defaultValue = "csv") String format,
                                         @RequestParam(required = false) String planId,
                                         @RequestParam(required = false) String priorityId,
                                         @RequestParam(required = false) String serviceArea,
                                         @RequestParam(required = false) String lead,
                                         @RequestParam(required = false) ActionStatus status,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueAfter,
                                         @RequestParam(required = false) String q) {
        Spreadsheets.Format type = Spreadsheets.Format.of(format, "format");
        var page = queries.list(new ActionQueries.Filter(planId, priorityId, serviceArea, lead, status, dueBefore, dueAfter,
                q == null || q.isBlank() ? null : q), 0, Spreadsheets.MAX_ROWS, "due", true);
        LocalDate today = LocalDate.now(clock);
        List<List<String>> rows = new ArrayList<>();
        for (Action a : page.items()) {
            var d = a.details();
            var e = a.exceptionReport();
            rows.add(List.of(nz(d.reference()), d.planId(), nz(d.priorityId()), d.title(), nz(d.serviceArea()),
                    d.leads().stream().map(Lead::name).collect(Collectors.joining("; ")), str(d.startDate()),
                    d.due().asWritten(), d.due().date().toString(), str(d.reviewDate()), String.valueOf(a.progressPercent()),
                    a.status(today, rules.current()).name(), a.effectiveDue().toString(),
                    e == null ? "" : e.reason(), e == null ? "" : e.correctiveAction(), e == null ? "" : e.revisedDate().toString()));
        }
        byte[] file = Spreadsheets.write(EXPORT_COLUMNS, rows, type, TEXT_COLUMNS);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"actions-" + today + "." + type.extension + "\"")
                .contentType(MediaType.parseMediaType(type.mediaType))
                .body(file);
    }

    /**
     * Upload a table of actions into a plan. Every row is checked; if any is wrong the answer is
     * 400 with the row-by-row report and nothing is stored. {@code dryRun=true} only reports.
     */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<?> importFile(@RequestParam String planId,
                                                              @RequestParam(defaultValue = "false") boolean dryRun,
                                                              @RequestPart("file") MultipartFile file,
                                                              Authentication caller) {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "is empty");
        }
        Spreadsheets.Format type = Spreadsheets.Format.of(file.getOriginalFilename(), "file");
        List<Spreadsheets.Row> rows;
        try {
            rows = Spreadsheets.read(file.getInputStream(), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var report = importing.importRows(planId,
                rows.stream().map(r -> new ImportingActions.Row(r.number(), r.cells())).toList(), dryRun, Caller.of(caller));
        if (report.rejected() > 0) {
            List<ProblemDetailsAdvice.FieldError> errors = report.rows().stream()
                    .flatMap(r -> r.errors().stream().map(e -> new ProblemDetailsAdvice.FieldError(
                            "rows[" + r.row() + "]." + e.field(), e.message())))
                    .toList();
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Rows rejected", report.rejected() + " of "
                    + report.rows().size() + " rows are not right" + (dryRun ? "." : ": nothing was stored."));
            problem.setProperty("errors", errors);
            problem.setProperty("report", report);
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return ResponseEntity.status(report.stored() ? HttpStatus.CREATED : HttpStatus.OK).body(report);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }
}
