package org.waypoint.risk.transfer.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.spreadsheet.TextFiles;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.web.ProblemDetailsAdvice;
import org.waypoint.platform.web.Problems;
import org.waypoint.risk.risk.application.RiskQueries;
import org.waypoint.risk.risk.domain.Risk;
import org.waypoint.risk.risk.web.RiskController;
import org.waypoint.risk.risk.web.RiskFilterParams;
import org.waypoint.risk.transfer.application.ImportInterruptedException;
import org.waypoint.risk.transfer.application.ImportReport;
import org.waypoint.risk.transfer.application.RegisterXlsx;
import org.waypoint.risk.transfer.application.TransferringRegisters;

/**
 * Registers in and out as CSV or XLSX (the same columns, seed 000's among them).
 * <ul>
 * <li>{@code GET /api/risks/export?format=csv|xlsx} with any of the list's filters and sort;
 * {@code GET /api/risk-registers/{id}/export?format=...} (also {@code export.csv}, {@code export.xlsx})
 * is the same, filtered by the register.</li>
 * <li>{@code POST /api/risk-registers/{id}/import}: a {@code text/csv} body, an XLSX body, or a
 * multipart {@code file} (CSV or XLSX). Every row is checked and reported; if any row is wrong the
 * answer is 400 with the report and nothing is stored. {@code dryRun=true} only reports.</li>
 * </ul>
 */
@RestController
public class RegisterTransferController {

    static final int MAX_BYTES = 2_000_000;
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType XLSX = MediaType.parseMediaType(RegisterXlsx.MEDIA_TYPE);

    private final TransferringRegisters transferring;
    private final Clock clock;

    public RegisterTransferController(TransferringRegisters transferring, Clock clock) {
        this.transferring = transferring;
        this.clock = clock;
    }

    /** Any filtered list of risks as a file: the filters and sort of {@code GET /api/risks}. */
    @GetMapping("/api/risks/export")
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<byte[]> export(@RequestParam(defaultValue = "csv") String format,
                                         @RequestParam(required = false) String registerId,
                                         @ParameterObject RiskFilterParams filter,
                                         @RequestParam(defaultValue = "code,asc") String sort) {
        boolean xlsx = xlsx(format);
        return file(filter.toFilter(registerId), sort, xlsx, "risks-" + LocalDate.now(clock));
    }

    /** A register (or the part of it the filters select) as a file. */
    @GetMapping({"/api/risk-registers/{id}/export", "/api/risk-registers/{id}/export.csv", "/api/risk-registers/{id}/export.xlsx"})
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<byte[]> exportRegister(@PathVariable String id,
                                                 @RequestParam(required = false) String format,
                                                 @ParameterObject RiskFilterParams filter,
                                                 @RequestParam(defaultValue = "code,asc") String sort,
                                                 jakarta.servlet.http.HttpServletRequest request) {
        boolean xlsx = format != null ? xlsx(format) : request.getRequestURI().endsWith(".xlsx");
        return file(filter.toFilter(id), sort, xlsx, "risk-register-" + id);
    }

    private ResponseEntity<byte[]> file(RiskQueries.Filter filter, String sort, boolean xlsx, String name) {
        RiskController.Sorting sorting = RiskController.Sorting.parse(sort);
        List<Risk> risks = transferring.matching(filter, sorting.field(), sorting.ascending());
        byte[] body = xlsx ? transferring.exportXlsx(risks) : transferring.exportCsv(risks);
        return ResponseEntity.ok()
                .contentType(xlsx ? XLSX : CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name + (xlsx ? ".xlsx" : ".csv")).build().toString())
                .body(body);
    }

    /**
     * A CSV body, decoded as what it is (UTF-8 with or without a byte-order mark, UTF-16 with one,
     * or Windows-1252 as Excel saves "CSV" on a UK machine), so that {@code café £100} is stored as typed.
     */
    @PostMapping(value = "/api/risk-registers/{id}/import", consumes = {"text/csv", "text/plain"})
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<Object> importCsv(@PathVariable String id, @RequestBody byte[] csv,
                                            @RequestParam(defaultValue = "false") boolean dryRun,
                                            @RequestParam(required = false) String defaultCategory, Authentication auth) {
        if (csv.length > MAX_BYTES) {
            throw new InvalidInputException("file", "must be at most " + MAX_BYTES + " bytes");
        }
        return answer(transferring.importCsv(id, TextFiles.decode(csv, "file"), dryRun, defaultCategory, Caller.of(auth)));
    }

    @PostMapping(value = "/api/risk-registers/{id}/import", consumes = RegisterXlsx.MEDIA_TYPE)
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<Object> importXlsx(@PathVariable String id, @RequestBody byte[] xlsx,
                                             @RequestParam(defaultValue = "false") boolean dryRun,
                                             @RequestParam(required = false) String defaultCategory, Authentication auth) {
        if (xlsx.length > MAX_BYTES) {
            throw new InvalidInputException("file", "must be at most " + MAX_BYTES + " bytes");
        }
        return answer(transferring.importXlsx(id, xlsx, dryRun, defaultCategory, Caller.of(auth)));
    }

    /** The same import as a form upload: multipart field {@code file}, CSV or XLSX (by name or content type). */
    @PostMapping(value = "/api/risk-registers/{id}/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<Object> importFile(@PathVariable String id, @RequestPart("file") MultipartFile file,
                                             @RequestParam(defaultValue = "false") boolean dryRun,
                                             @RequestParam(required = false) String defaultCategory, Authentication auth)
            throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", "is empty");
        }
        if (file.getSize() > MAX_BYTES) {
            throw new InvalidInputException("file", "must be at most " + MAX_BYTES + " bytes");
        }
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xls")) {
            throw new InvalidInputException("file", "is an old Excel (.xls) workbook: save it as .xlsx or CSV");
        }
        if (name.endsWith(".xlsx") || RegisterXlsx.MEDIA_TYPE.equals(file.getContentType())) {
            return answer(transferring.importXlsx(id, file.getBytes(), dryRun, defaultCategory, Caller.of(auth)));
        }
        return answer(transferring.importCsv(id, TextFiles.decode(file.getBytes(), "file"), dryRun, defaultCategory,
                Caller.of(auth)));
    }

    /** 200 with the report; 400 problem+json naming each wrong row and column, with the report, when a row is wrong. */
    private static ResponseEntity<Object> answer(ImportReport report) {
        if (report.rejected() == 0) {
            return ResponseEntity.ok(report);
        }
        List<ProblemDetailsAdvice.FieldError> errors = report.report().stream()
                .flatMap(r -> r.errors().stream().map(e -> new ProblemDetailsAdvice.FieldError(
                        "rows[" + r.row() + "]." + e.field(), e.message())))
                .toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "Rows rejected", report.rejected() + " of " + report.rows()
                + " rows are not right, so nothing was stored: " + errors.stream()
                .map(e -> e.field() + " " + e.message()).limit(5).reduce((a, b) -> a + "; " + b).orElse(""));
        problem.setProperty("errors", errors);
        problem.setProperty("report", report);
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(ImportInterruptedException.class)
    ResponseEntity<ProblemDetail> interrupted(ImportInterruptedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Register changed while importing", e.getMessage());
        problem.setProperty("row", e.row());
        problem.setProperty("storedRows", e.storedRows());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static boolean xlsx(String format) {
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> false;
            case "xlsx" -> true;
            default -> throw new InvalidInputException("format", "must be csv or xlsx");
        };
    }
}
