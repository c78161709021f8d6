package org.waypoint.indicator.indicator.application;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.waypoint.indicator.indicator.domain.Definition;
import org.waypoint.indicator.indicator.domain.Indicator;
import org.waypoint.indicator.indicator.domain.Measurement;
import org.waypoint.indicator.indicator.domain.Period;
import org.waypoint.indicator.indicator.domain.PeriodView;
import org.waypoint.indicator.indicator.domain.Tolerance;
import org.waypoint.platform.spreadsheet.CsvTables;
import org.waypoint.platform.spreadsheet.TextFiles;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * Indicator definitions and measurements as tables (CSV here; XLSX sheets have the same columns).
 * Headers are matched loosely, and the column names of the seeds' tables are understood too:
 * seed 003's "Measure, Baseline, Annual Target, Links, Service" and seed 000's "Dashboard Theme,
 * Measure, 2020/21 Result, 2021/22 Target". Uploads are decoded with the platform's
 * {@link TextFiles} (a Windows-1252 file keeps its "café £100"); exports go through its
 * {@link CsvTables}, so that no cell opens in a spreadsheet as a formula.
 */
public final class IndicatorCsv {

    public static final List<String> DEFINITION_COLUMNS = List.of("code", "name", "description", "unit", "polarity",
            "frequency", "baseline", "baselinePeriod", "targets", "toleranceKind", "toleranceAmount", "ownerName",
            "ownerUsername", "ownerEmail", "serviceArea", "theme", "outcomeLinks", "benchmarkSource", "benchmarkValue",
            "newFrom");
    public static final List<String> MEASUREMENT_COLUMNS = List.of("code", "period", "value", "expectedOn", "commentary",
            "target", "status", "statusLabel", "trend", "recordedBy", "recordedAt", "revision");

    /** The largest CSV or XLSX file an import takes. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("measure", "name"), Map.entry("indicator", "name"), Map.entry("indicatordescription", "name"),
            Map.entry("indicatorno", "code"), Map.entry("ref", "code"), Map.entry("reference", "code"),
            Map.entry("links", "outcomeLinks"), Map.entry("service", "serviceArea"), Map.entry("dashboardtheme", "theme"),
            Map.entry("owner", "ownerName"), Map.entry("benchmark", "benchmarkSource"), Map.entry("source", "benchmarkSource"),
            Map.entry("tolerance", "toleranceAmount"));

    /** One data row: its number in the file (header = row 1) and its cells by canonical column name. */
    public record Row(int number, Map<String, String> cells) {
        public String get(String column) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    private IndicatorCsv() {
    }

    /** A CSV upload's rows: its bytes decoded as what they are (UTF-8, UTF-16 with its mark, or Windows-1252). */
    public static List<Row> read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", "is larger than 10 MB");
        }
        return read(new StringReader(TextFiles.decode(bytes, "file")));
    }

    public static List<Row> read(Reader reader) {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(reader)) {
            List<String> headers = parser.getHeaderNames();
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < headers.size() && i < record.size(); i++) {
                    cells.put(canonical(headers.get(i)), exported(record.get(i)));
                }
                rows.add(new Row((int) record.getRecordNumber() + 1, cells));
            }
            return rows;
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
            throw new InvalidInputException("file", "is not a readable CSV table with a header row: " + cause.getMessage());
        }
    }

    /**
     * A cell as it was before an export neutralised it: the apostrophe {@link CsvTables#neutralise}
     * puts before {@code =cmd...} is taken off again, so that importing an export changes nothing.
     * Any other leading apostrophe is kept.
     */
    static String exported(String cell) {
        return CsvTables.fromExport(cell);
    }

    /** The column a header names (as {@link #read} matches it), for other table formats. */
    public static String canonicalHeader(String header) {
        return canonical(header);
    }

    /** "Annual Target" and "2021/22 Target" become target columns; "2020/21 Result" a baseline. */
    static String canonical(String header) {
        String h = header.strip();
        String key = h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        for (String column : DEFINITION_COLUMNS) {
            if (column.equalsIgnoreCase(key)) {
                return column;
            }
        }
        for (String column : MEASUREMENT_COLUMNS) {
            if (column.equalsIgnoreCase(key)) {
                return column;
            }
        }
        if (ALIASES.containsKey(key)) {
            return ALIASES.get(key);
        }
        if (key.equals("annualtarget")) {
            return "target:annual";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4}\\s*[/-]\\s*\\d{2,4})\\s*(target|result|value)",
                java.util.regex.Pattern.CASE_INSENSITIVE).matcher(h);
        if (m.matches()) {
            String year = m.group(1).replaceAll("\\s", "");
            return m.group(2).equalsIgnoreCase("target") ? "target:" + year : "result:" + year;
        }
        return h;
    }

    /**
     * The definition a row describes. {@code annualTargetYear} is the financial year an "Annual
     * Target" column is for. Missing unit, polarity and frequency are read from the figures
     * ("%" percentage, "£" money, "70/30" ratio, else count), higher is better, annual.
     */
    public static IndicatorInput definition(Row row, int annualTargetYear) {
        Map<String, String> targets = new LinkedHashMap<>();
        String baseline = row.get("baseline");
        String baselinePeriod = row.get("baselinePeriod");
        String figure = null;
        for (Map.Entry<String, String> cell : row.cells().entrySet()) {
            String v = cell.getValue() == null || cell.getValue().isBlank() ? null : cell.getValue().strip();
            if (v == null) {
                continue;
            }
            if (cell.getKey().equals("target:annual")) {
                targets.put(Period.yearLabel(annualTargetYear), v);
                figure = figure == null ? v : figure;
            } else if (cell.getKey().startsWith("target:")) {
                targets.put(cell.getKey().substring(7), v);
                figure = figure == null ? v : figure;
            } else if (cell.getKey().startsWith("result:") && baseline == null && !v.toLowerCase(Locale.ROOT).startsWith("not yet")) {
                baseline = v;
                baselinePeriod = cell.getKey().substring(7);
            }
        }
        if (row.get("targets") != null) {
            for (String part : row.get("targets").split(";")) {
                String[] kv = part.split("=", 2);
                if (kv.length != 2) {
                    throw new InvalidInputException("targets", "write targets as 2021/22=95%; 2022/23=Increase");
                }
                targets.put(kv[0].strip(), kv[1].strip());
            }
        }
        String unit = row.get("unit");
        if (unit == null) {
            unit = guessUnit(baseline != null ? baseline : figure);
        }
        BigDecimal toleranceAmount = null;
        if (row.get("toleranceAmount") != null) {
            try {
                toleranceAmount = new BigDecimal(row.get("toleranceAmount").replace("%", ""));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("tolerance.amount", "must be a number, was " + row.get("toleranceAmount"));
            }
        }
        String toleranceKind = row.get("toleranceKind");
        if (toleranceKind == null && row.get("toleranceAmount") != null) {
            toleranceKind = row.get("toleranceAmount").endsWith("%") ? "relative" : "absolute";
        }
        List<String> links = row.get("outcomeLinks") == null ? List.of()
                : Arrays.stream(row.get("outcomeLinks").split("[;,]")).map(String::strip).filter(s -> !s.isEmpty() && !s.equals("-")).toList();
        return new IndicatorInput(row.get("code"), row.get("name"), row.get("description"), unit,
                row.get("polarity") == null ? "higher is better" : row.get("polarity"),
                row.get("frequency") == null ? "annual" : row.get("frequency"), baseline, baselinePeriod, targets,
                toleranceKind, toleranceAmount, row.get("ownerName"), row.get("ownerUsername"), row.get("ownerEmail"),
                row.get("serviceArea"), row.get("theme"), links, row.get("benchmarkSource"), row.get("benchmarkValue"),
                row.get("newFrom"));
    }

    static String guessUnit(String figure) {
        if (figure == null) {
            return "count";
        }
        if (figure.contains("%")) {
            return "percentage";
        }
        if (figure.contains("£")) {
            return "money";
        }
        if (figure.matches("\\s*\\d+(\\.\\d+)?\\s*/\\s*\\d+(\\.\\d+)?\\s*")) {
            return "ratio";
        }
        if (figure.toLowerCase(Locale.ROOT).contains("day")) {
            return "days";
        }
        return "count";
    }

    /** The definitions as CSV, through the platform's one CSV writer (formula-like cells neutralised). */
    public static byte[] writeDefinitions(List<Indicator> indicators) {
        return CsvTables.write(DEFINITION_COLUMNS, indicators.stream().map(i -> definitionCells(i.definition())).toList());
    }

    public static List<Object> definitionCells(Definition d) {
        StringBuilder targets = new StringBuilder();
        d.targets().forEach((fy, t) -> targets.append(targets.isEmpty() ? "" : "; ").append(Period.yearLabel(fy)).append('=').append(t.asWritten()));
        Tolerance t = d.tolerance();
        return Arrays.asList(d.code(), d.name(), d.description(), lower(d.unit()), lower(d.polarity()), lower(d.frequency()),
                d.baseline() == null ? null : d.baseline().value().asWritten(),
                d.baseline() == null || d.baseline().period() == null ? null : d.baseline().period().label(),
                targets.toString(), t == null ? null : lower(t.kind()), t == null ? null : t.amount().toPlainString(),
                d.owner() == null ? null : d.owner().name(), d.owner() == null ? null : d.owner().username(),
                d.owner() == null ? null : d.owner().email(), d.serviceArea(), d.theme() == null ? null : lower(d.theme()),
                String.join("; ", d.outcomeLinks()), d.benchmark() == null ? null : d.benchmark().source(),
                d.benchmark() == null || d.benchmark().value() == null ? null : d.benchmark().value().asWritten(),
                d.newFrom() == null ? null : d.newFrom().label());
    }

    /** Every measured period of the indicators as CSV, through the platform's one CSV writer. */
    public static byte[] writeMeasurements(List<Indicator> indicators, Tolerance organisationDefault) {
        List<List<Object>> rows = new ArrayList<>();
        for (Indicator i : indicators) {
            for (PeriodView v : i.periods(organisationDefault)) {
                rows.add(measurementCells(i, v));
            }
        }
        return CsvTables.write(MEASUREMENT_COLUMNS, rows);
    }

    public static List<Object> measurementCells(Indicator i, PeriodView v) {
        Measurement m = v.measurement();
        return Arrays.asList(i.definition().code(), v.period().label(), v.value() == null ? null : v.value().asWritten(),
                m.expectedOn(), m.commentary(), v.target().asWritten(), v.assessment().status().name(),
                v.assessment().status().label(), v.trend() == null ? null : v.trend().name(), m.recordedBy(),
                m.recordedAt(), m.revision());
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
