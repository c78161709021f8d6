package org.waypoint.indicator.indicator.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.waypoint.indicator.indicator.application.ImportInterruptedException;
import org.waypoint.indicator.indicator.application.ImportingIndicators;
import org.waypoint.indicator.indicator.application.IndicatorCsv;
import org.waypoint.indicator.indicator.application.IndicatorQueries;
import org.waypoint.indicator.indicator.application.Scorecards;
import org.waypoint.indicator.indicator.domain.Indicator;
import org.waypoint.indicator.indicator.domain.Period;
import org.waypoint.indicator.indicator.domain.PeriodView;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.platform.web.ProblemDetailsAdvice;
import org.waypoint.platform.web.Problems;

/**
 * Import and export of indicator definitions and measurements as CSV or XLSX, with a row-by-row
 * report: {@code /api/indicators/import|export}, {@code /api/measurements/import|export}. Imports
 * are all or nothing (a refused row stores nothing of the file); CSV exports neutralise formulas.
 */
@RestController
public class TransferController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType XLSX = MediaType.parseMediaType(Spreadsheets.MEDIA_TYPE);

    private final ImportingIndicators importing;
    private final Scorecards scorecards;

    public TransferController(ImportingIndicators importing, Scorecards scorecards) {
        this.importing = importing;
        this.scorecards = scorecards;
    }

    /**
     * Imports definitions (new codes defined, known codes changed). {@code targetYear} is the
     * financial year of an "Annual Target" column (default: the current one).
     */
    @ApiResponse(responseCode = "200", description = "Every row passed (and was stored, unless dryRun)",
            content = @Content(schema = @Schema(implementation = ImportingIndicators.Report.class)))
    @ApiResponse(responseCode = "400", description = "A row is wrong: nothing stored; errors name rows[n].field, with the report",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "A row is one the caller may not write: nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "An indicator changed while the checked file was stored",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/api/indicators/import", consumes = {"text/csv", "text/plain"})
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<Object> importDefinitionsCsv(@RequestBody byte[] csv,
                                                          @RequestParam(required = false) String targetYear,
                                                          @RequestParam(defaultValue = "false") boolean dryRun,
                                                          Authentication auth) {
        return answer(importing.importDefinitions(IndicatorCsv.read(csv), year(targetYear), Caller.of(auth), dryRun));
    }

    @ApiResponse(responseCode = "200", description = "Every row passed (and was stored, unless dryRun)",
            content = @Content(schema = @Schema(implementation = ImportingIndicators.Report.class)))
    @ApiResponse(responseCode = "400", description = "A row is wrong: nothing stored; errors name rows[n].field, with the report",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "A row is one the caller may not write: nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "An indicator changed while the checked file was stored",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/api/indicators/import", consumes = Spreadsheets.MEDIA_TYPE)
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<Object> importDefinitionsXlsx(@RequestBody byte[] xlsx,
                                                           @RequestParam(required = false) String targetYear,
                                                           @RequestParam(defaultValue = "false") boolean dryRun,
                                                           Authentication auth) {
        return answer(importing.importDefinitions(Spreadsheets.read(xlsx), year(targetYear), Caller.of(auth), dryRun));
    }

    @ApiResponse(responseCode = "200", description = "Every row passed (and was stored, unless dryRun)",
            content = @Content(schema = @Schema(implementation = ImportingIndicators.Report.class)))
    @ApiResponse(responseCode = "400", description = "A row is wrong: nothing stored; errors name rows[n].field, with the report",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "A row is one the caller may not write: nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "An indicator changed while the checked file was stored",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/api/measurements/import", consumes = {"text/csv", "text/plain"})
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<Object> importMeasurementsCsv(@RequestBody byte[] csv,
                                                           @RequestParam(defaultValue = "false") boolean dryRun,
                                                           Authentication auth) {
        return answer(importing.importMeasurements(IndicatorCsv.read(csv), Caller.of(auth), dryRun));
    }

    @ApiResponse(responseCode = "200", description = "Every row passed (and was stored, unless dryRun)",
            content = @Content(schema = @Schema(implementation = ImportingIndicators.Report.class)))
    @ApiResponse(responseCode = "400", description = "A row is wrong: nothing stored; errors name rows[n].field, with the report",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "A row is one the caller may not write: nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "An indicator changed while the checked file was stored",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/api/measurements/import", consumes = Spreadsheets.MEDIA_TYPE)
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<Object> importMeasurementsXlsx(@RequestBody byte[] xlsx,
                                                            @RequestParam(defaultValue = "false") boolean dryRun,
                                                            Authentication auth) {
        return answer(importing.importMeasurements(Spreadsheets.read(xlsx), Caller.of(auth), dryRun));
    }

    /** The same imports as a form upload: multipart field {@code file}, CSV or XLSX (by name or content type). */
    @ApiResponse(responseCode = "200", description = "Every row passed (and was stored, unless dryRun)",
            content = @Content(schema = @Schema(implementation = ImportingIndicators.Report.class)))
    @ApiResponse(responseCode = "400", description = "A row is wrong: nothing stored; errors name rows[n].field, with the report",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "A row is one the caller may not write: nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "An indicator changed while the checked file was stored",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/api/indicators/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<Object> importDefinitionsFile(@RequestParam("file") MultipartFile file,
                                                           @RequestParam(required = false) String targetYear,
                                                           @RequestParam(defaultValue = "false") boolean dryRun,
                                                           Authentication auth) {
        return answer(importing.importDefinitions(rows(file), year(targetYear), Caller.of(auth), dryRun));
    }

    @ApiResponse(responseCode = "200", description = "Every row passed (and was stored, unless dryRun)",
            content = @Content(schema = @Schema(implementation = ImportingIndicators.Report.class)))
    @ApiResponse(responseCode = "400", description = "A row is wrong: nothing stored; errors name rows[n].field, with the report",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "A row is one the caller may not write: nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "409", description = "An indicator changed while the checked file was stored",
            content = @Content(mediaType = "application/problem+json"))
    @PostMapping(path = "/api/measurements/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.CAN_WRITE)
    public ResponseEntity<Object> importMeasurementsFile(@RequestParam("file") MultipartFile file,
                                                            @RequestParam(defaultValue = "false") boolean dryRun,
                                                            Authentication auth) {
        return answer(importing.importMeasurements(rows(file), Caller.of(auth), dryRun));
    }

    private static List<IndicatorCsv.Row> rows(MultipartFile file) {
        try {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".xlsx") || Spreadsheets.MEDIA_TYPE.equals(file.getContentType())) {
                return Spreadsheets.read(file.getBytes());
            }
            if (file.getSize() > IndicatorCsv.MAX_BYTES) {
                throw new InvalidInputException("file", "is larger than 10 MB");
            }
            return IndicatorCsv.read(file.getBytes());
        } catch (java.io.IOException e) {
            throw new InvalidInputException("file", "could not be read");
        }
    }

    /** Definitions of the indicators matching the scorecard filters, as CSV (default) or XLSX. */
    @GetMapping("/api/indicators/export")
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<byte[]> exportDefinitions(@RequestParam(defaultValue = "csv") String format,
                                                    @ParameterObject ScorecardFilterParams filters) {
        List<Indicator> indicators = indicators(filters.toFilter());
        if (xlsx(format)) {
            return file(Spreadsheets.write("Indicators", IndicatorCsv.DEFINITION_COLUMNS,
                    indicators.stream().map(i -> IndicatorCsv.definitionCells(i.definition())).toList()), XLSX, "indicators.xlsx");
        }
        return file(IndicatorCsv.writeDefinitions(indicators), CSV, "indicators.csv");
    }

    /** Every measured period (value, target, status, trend, commentary) of the matching indicators. */
    @GetMapping("/api/measurements/export")
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<byte[]> exportMeasurements(@RequestParam(defaultValue = "csv") String format,
                                                     @RequestParam(required = false) String serviceArea,
                                                     @RequestParam(required = false) String theme,
                                                     @RequestParam(required = false) String owner,
                                                     @RequestParam(required = false) String q) {
        List<Indicator> indicators = indicators(ScorecardFilterParams.filter(serviceArea, theme, owner, null, null, q));
        if (xlsx(format)) {
            List<List<Object>> rows = new java.util.ArrayList<>();
            for (Indicator i : indicators) {
                for (PeriodView v : scorecards.periods(i)) {
                    rows.add(IndicatorCsv.measurementCells(i, v));
                }
            }
            return file(Spreadsheets.write("Measurements", IndicatorCsv.MEASUREMENT_COLUMNS, rows), XLSX, "measurements.xlsx");
        }
        return file(IndicatorCsv.writeMeasurements(indicators, scorecards.organisationDefault()), CSV, "measurements.csv");
    }

    /**
     * 200 with the report when every row passed (and was stored, unless a dry run); otherwise
     * nothing is stored and the answer is a problem naming each refused row's field as
     * {@code rows[n].field} (n as a spreadsheet numbers the row, the header being row 1), with the
     * report: 403 when a row is one the caller may not write, else 400.
     */
    private static ResponseEntity<Object> answer(ImportingIndicators.Report report) {
        if (report.rejected() == 0) {
            return ResponseEntity.ok(report);
        }
        List<ProblemDetailsAdvice.FieldError> errors = report.rows().stream()
                .filter(r -> r.outcome() == ImportingIndicators.Outcome.REJECTED)
                .map(r -> new ProblemDetailsAdvice.FieldError("rows[" + r.row() + "]." + r.field(), r.message()))
                .toList();
        HttpStatus status = report.denied() ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST;
        ProblemDetail problem = Problems.of(status, report.denied() ? "Rows you may not write" : "Rows rejected",
                report.rejected() + " of " + report.rows().size() + " rows are not right, so nothing was stored: "
                        + errors.stream().limit(5).map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        problem.setProperty("report", report);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A checked file whose storing stopped because an indicator changed meanwhile: 409, naming the row and what was stored. */
    @ExceptionHandler(ImportInterruptedException.class)
    ResponseEntity<ProblemDetail> interrupted(ImportInterruptedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "Indicator changed while importing", e.getMessage());
        problem.setProperty("row", e.row());
        problem.setProperty("storedRows", e.storedRows());
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private List<Indicator> indicators(IndicatorQueries.Filter filter) {
        return scorecards.rows(filter).stream().map(Scorecards.Row::indicator)
                .sorted(java.util.Comparator.comparing(i -> i.definition().code())).toList();
    }

    private static boolean xlsx(String format) {
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> false;
            case "xlsx" -> true;
            default -> throw new InvalidInputException("format", "must be csv or xlsx");
        };
    }

    private int year(String targetYear) {
        if (targetYear == null || targetYear.isBlank()) {
            return importing.currentFinancialYear();
        }
        Period p = Period.parse(targetYear, "targetYear");
        if (p.kind() != Period.Kind.YEAR) {
            throw new InvalidInputException("targetYear", "must be a financial year such as 2021/22");
        }
        return p.financialYear();
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
