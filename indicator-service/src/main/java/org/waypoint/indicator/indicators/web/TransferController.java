package org.waypoint.indicator.indicators.web;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.waypoint.indicator.indicators.application.ImportingIndicators;
import org.waypoint.indicator.indicators.application.IndicatorCsv;
import org.waypoint.indicator.indicators.application.IndicatorQueries;
import org.waypoint.indicator.indicators.application.Scorecards;
import org.waypoint.indicator.indicators.domain.Indicator;
import org.waypoint.indicator.indicators.domain.PeriodView;
import org.waypoint.platform.security.Caller;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * Import and export of indicator definitions and measurements as CSV or XLSX, with a row-by-row
 * report: {@code /api/indicators/import|export}, {@code /api/measurements/import|export}.
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
    @PostMapping(path = "/api/indicators/import", consumes = {"text/csv", "text/plain"})
    @PreAuthorize(Roles.CAN_WRITE)
    public ImportingIndicators.Report importDefinitionsCsv(@RequestBody String csv,
                                                          @RequestParam(required = false) String targetYear,
                                                          @RequestParam(defaultValue = "false") boolean dryRun,
                                                          Authentication auth) {
        return importing.importDefinitions(IndicatorCsv.read(new StringReader(csv)), year(targetYear), Caller.of(auth), dryRun);
    }

    @PostMapping(path = "/api/indicators/import", consumes = Spreadsheets.MEDIA_TYPE)
    @PreAuthorize(Roles.CAN_WRITE)
    public ImportingIndicators.Report importDefinitionsXlsx(@RequestBody byte[] xlsx,
                                                           @RequestParam(required = false) String targetYear,
                                                           @RequestParam(defaultValue = "false") boolean dryRun,
                                                           Authentication auth) {
        return importing.importDefinitions(Spreadsheets.read(xlsx), year(targetYear), Caller.of(auth), dryRun);
    }

    @PostMapping(path = "/api/measurements/import", consumes = {"text/csv", "text/plain"})
    @PreAuthorize(Roles.CAN_WRITE)
    public ImportingIndicators.Report importMeasurementsCsv(@RequestBody String csv,
                                                           @RequestParam(defaultValue = "false") boolean dryRun,
                                                           Authentication auth) {
        return importing.importMeasurements(IndicatorCsv.read(new StringReader(csv)), Caller.of(auth), dryRun);
    }

    @PostMapping(path = "/api/measurements/import", consumes = Spreadsheets.MEDIA_TYPE)
    @PreAuthorize(Roles.CAN_WRITE)
    public ImportingIndicators.Report importMeasurementsXlsx(@RequestBody byte[] xlsx,
                                                            @RequestParam(defaultValue = "false") boolean dryRun,
                                                            Authentication auth) {
        return importing.importMeasurements(Spreadsheets.read(xlsx), Caller.of(auth), dryRun);
    }

    /** The same imports as a form upload: multipart field {@code file}, CSV or XLSX (by name or content type). */
    @PostMapping(path = "/api/indicators/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.CAN_WRITE)
    public ImportingIndicators.Report importDefinitionsFile(@RequestParam("file") MultipartFile file,
                                                           @RequestParam(required = false) String targetYear,
                                                           @RequestParam(defaultValue = "false") boolean dryRun,
                                                           Authentication auth) {
        return importing.importDefinitions(rows(file), year(targetYear), Caller.of(auth), dryRun);
    }

    @PostMapping(path = "/api/measurements/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.CAN_WRITE)
    public ImportingIndicators.Report importMeasurementsFile(@RequestParam("file") MultipartFile file,
                                                            @RequestParam(defaultValue = "false") boolean dryRun,
                                                            Authentication auth) {
        return importing.importMeasurements(rows(file), Caller.of(auth), dryRun);
    }

    private static List<IndicatorCsv.Row> rows(MultipartFile file) {
        try {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(java.util.Locale.ROOT);
            if (name.endsWith(".xlsx") || Spreadsheets.MEDIA_TYPE.equals(file.getContentType())) {
                return Spreadsheets.read(file.getBytes());
            }
            return IndicatorCsv.read(new StringReader(new String(file.getBytes(), StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new InvalidInputException("file", "could not be read");
        }
    }

    /** Definitions of the indicators matching the scorecard filters, as CSV (default) or XLSX. */
    @GetMapping("/api/indicators/export")
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<byte[]> exportDefinitions(@RequestParam(defaultValue = "csv") String format,
                                                    @RequestParam(required = false) String serviceArea,
                                                    @RequestParam(required = false) String theme,
                                                    @RequestParam(required = false) String owner,
                                                    @RequestParam(required = false) String status,
                                                    @RequestParam(required = false) String period,
                                                    @RequestParam(required = false) String q) {
        List<Indicator> indicators = indicators(IndicatorController.filter(serviceArea, theme, owner, status, period, q));
        if (xlsx(format)) {
            return file(Spreadsheets.write("Indicators", IndicatorCsv.DEFINITION_COLUMNS,
                    indicators.stream().map(i -> IndicatorCsv.definitionCells(i.definition())).toList()), XLSX, "indicators.xlsx");
        }
        return file(IndicatorCsv.writeDefinitions(indicators).getBytes(StandardCharsets.UTF_8), CSV, "indicators.csv");
    }

    /** Every measured period (value, target, status, trend, commentary) of the matching indicators. */
    @GetMapping("/api/measurements/export")
    @PreAuthorize(Roles.CAN_READ)
    public ResponseEntity<byte[]> exportMeasurements(@RequestParam(defaultValue = "csv") String format,
                                                     @RequestParam(required = false) String serviceArea,
                                                     @RequestParam(required = false) String theme,
                                                     @RequestParam(required = false) String owner,
                                                     @RequestParam(required = false) String q) {
        List<Indicator> indicators = indicators(IndicatorController.filter(serviceArea, theme, owner, null, null, q));
        if (xlsx(format)) {
            List<List<Object>> rows = new java.util.ArrayList<>();
            for (Indicator i : indicators) {
                for (PeriodView v : scorecards.periods(i)) {
                    rows.add(IndicatorCsv.measurementCells(i, v));
                }
            }
            return file(Spreadsheets.write("Measurements", IndicatorCsv.MEASUREMENT_COLUMNS, rows), XLSX, "measurements.xlsx");
        }
        return file(IndicatorCsv.writeMeasurements(indicators, scorecards.organisationDefault()).getBytes(StandardCharsets.UTF_8),
                CSV, "measurements.csv");
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
        try {
            var p = org.waypoint.indicator.indicators.domain.Period.parse(targetYear);
            if (p.kind() != org.waypoint.indicator.indicators.domain.Period.Kind.YEAR) {
                throw new IllegalArgumentException("must be a financial year such as 2021/22");
            }
            return p.financialYear();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("targetYear", e.getMessage());
        }
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
