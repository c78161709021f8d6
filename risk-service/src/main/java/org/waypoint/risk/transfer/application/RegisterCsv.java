package org.waypoint.risk.transfer.application;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.waypoint.platform.spreadsheet.CsvTables;
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.risk.register.domain.Assessment;
import org.waypoint.risk.risk.domain.Mitigation;
import org.waypoint.risk.risk.domain.Risk;

/**
 * A register as CSV, with the columns of seed 000's table (Code, Risk Description, Likelihood,
 * Severity, Risk Score, Mitigation) and the rest of what Waypoint keeps; the last column names the
 * register (read back by nobody: an import goes into the register it is posted to). Headers are
 * matched ignoring case, spaces and punctuation, and "Impact" is read as "Severity".
 */
public final class RegisterCsv {

    public static final List<String> COLUMNS = List.of("Code", "Title", "Risk Description", "Risk Factors", "Category",
            "Owner", "Owner Username", "Owner Email", "Original Likelihood", "Original Severity", "Likelihood", "Severity",
            "Risk Score", "Band", "Target Likelihood", "Target Severity", "Mitigation", "Review Frequency", "Next Review",
            "Status", "Register");

    public static final int MAX_ROWS = 5000;

    private RegisterCsv() {
    }

    /** One data row, by normalised column name, with its line number in the file (header = row 1). */
    public record Row(long number, Map<String, String> values) {

        public String get(String column) {
            String value = values.get(key(column));
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    static String key(String header) {
        String k = header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return switch (k) {
            case "impact" -> "severity";
            case "originalimpact" -> "originalseverity";
            case "targetimpact" -> "targetseverity";
            case "description" -> "riskdescription";
            case "score" -> "riskscore";
            case "mitigations", "riskmitigation", "mitigationcontingency", "controls" -> "mitigation";
            case "riskowner" -> "owner";
            default -> k;
        };
    }

    public static List<Row> parse(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> headers = parser.getHeaderNames();
            if (headers.stream().map(RegisterCsv::key).noneMatch("code"::equals)) {
                throw new InvalidInputException("file", "has no Code column; expected columns like " + COLUMNS);
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw new InvalidInputException("file", "has more than " + MAX_ROWS + " rows");
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < headers.size() && i < record.size(); i++) {
                    values.put(key(headers.get(i)), record.get(i));
                }
                rows.add(new Row(record.getRecordNumber() + 1, values));
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "is not readable CSV: " + e.getMessage());
        }
    }

    /**
     * The risks as UTF-8 CSV, written by the platform's one CSV writer: a cell that a spreadsheet
     * would read as a formula (starting with = + - @, a tab or a carriage return) gets a leading
     * apostrophe, so that it opens as the text it is.
     *
     * @param registerNames the name of each risk's register, by register id (the last column)
     */
    public static byte[] write(List<Risk> risks, Function<String, String> registerNames) {
        return CsvTables.write(COLUMNS, risks.stream()
                .map(r -> values(r, registerNames).stream().map(RegisterCsv::textStaysText).toList()).toList());
    }

    /** Every String here is text (numbers are Integers): {@link CsvTables#text} keeps a text such as {@code +1} text. */
    private static Object textStaysText(Object value) {
        return value instanceof String text ? CsvTables.text(text) : value;
    }

    /** A risk's values in {@link #COLUMNS} order (likelihoods, severities and the score as Integers). */
    public static List<Object> values(Risk r, Function<String, String> registerNames) {
        return List.of(r.code(), r.title(), nz(r.description()), nz(r.riskFactors()), r.category(),
                r.owner() == null ? "" : r.owner().name(), r.owner() == null ? "" : nz(r.owner().username()),
                r.owner() == null ? "" : nz(r.owner().email()),
                likelihood(r.original()), impact(r.original()), likelihood(r.current()), impact(r.current()),
                r.current().score(), r.current().band().label(), likelihood(r.target()), impact(r.target()),
                String.join("\n", r.mitigations().stream().map(Mitigation::text).toList()),
                r.reviewFrequency().name(), r.nextReviewDue() == null ? "" : r.nextReviewDue().toString(), r.status().name(),
                nz(registerNames.apply(r.registerId())));
    }

    private static Object likelihood(Assessment a) {
        return a == null ? "" : a.likelihood();
    }

    private static Object impact(Assessment a) {
        return a == null ? "" : a.impact();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
