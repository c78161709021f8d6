package org.waypoint.budget.imports.web;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.waypoint.budget.imports.domain.TableCheck;
import org.waypoint.platform.security.Roles;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * {@code POST /api/budgets/imports/check}: upload a budget table (CSV or tab-separated, as a
 * {@code text/csv} body or a multipart {@code file}) and get back every stated total, subtotal,
 * row total and percentage its own lines contradict. Stores nothing; corrects nothing.
 */
@RestController
@RequestMapping("/api/budgets/imports")
public class ImportController {

    static final int MAX_ROWS = 5000;

    @PostMapping(path = "/check", consumes = {"text/csv", "text/tab-separated-values", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize(Roles.CAN_READ)
    public TableCheck.Report checkText(@RequestBody String table, @RequestParam(required = false) String unit,
                                       @RequestParam(required = false) String totalColumn) {
        return TableCheck.check(rows(table), unit(unit), totalColumn);
    }

    @PostMapping(path = "/check", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(Roles.CAN_READ)
    public TableCheck.Report checkFile(@RequestPart("file") MultipartFile file, @RequestParam(required = false) String unit,
                                       @RequestParam(required = false) String totalColumn) throws IOException {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx") || name.endsWith(".xls")) {
            throw new InvalidInputException("file", "spreadsheets are not read yet: save the sheet as CSV and upload that");
        }
        return TableCheck.check(rows(new String(file.getBytes(), StandardCharsets.UTF_8)), unit(unit), totalColumn);
    }

    static List<List<String>> rows(String table) {
        if (table == null || table.isBlank()) {
            throw new InvalidInputException("file", "is empty: the first row must name the columns");
        }
        String text = table.startsWith("\uFEFF") ? table.substring(1) : table;
        String firstLine = text.lines().findFirst().orElse("");
        CSVFormat format = (firstLine.contains("\t") ? CSVFormat.TDF : CSVFormat.DEFAULT).builder()
                .setIgnoreEmptyLines(false).setTrim(true).get();
        List<List<String>> rows = new ArrayList<>();
        try {
            for (CSVRecord record : format.parse(new StringReader(text))) {
                if (rows.size() >= MAX_ROWS) {
                    throw new InvalidInputException("file", "has more than " + MAX_ROWS + " rows");
                }
                rows.add(record.toList());
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("file", "is not readable CSV (row " + (rows.size() + 1) + ")");
        }
        return rows;
    }

    private static TableCheck.Unit unit(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        try {
            return TableCheck.Unit.valueOf(unit.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unit", "must be pounds, thousands or millions");
        }
    }
}
