package org.waypoint.platform.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one CSV writer of every Waypoint export. Each cell goes through {@link #neutralise} first
 * (OWASP's guidance on CSV injection), so that a title such as {@code =HYPERLINK(...)} typed by
 * anyone opens in Excel or LibreOffice as the text it is, never as a formula.
 */
public final class CsvTables {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

    private CsvTables() {
    }

    /**
     * A cell as a spreadsheet must show it: text that a spreadsheet would read as a formula (it
     * starts with {@code = + - @}, a tab or a carriage return, also after leading spaces) gets a
     * leading apostrophe. Plain numbers such as {@code -1200.50} or {@code +5} are left as numbers.
     */
    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        int i = 0;
        while (i < cell.length() && cell.charAt(i) == ' ') {
            i++;
        }
        if (i == cell.length()) {
            return cell;
        }
        char first = cell.charAt(i);
        boolean dangerous = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\n' || first == '\uFF1D' || first == '\uFF0B' || first == '\uFF0D' || first == '\uFF20';
        if (!dangerous || (i == 0 && isPlainNumber(cell))) {
            return cell;
        }
        return "'" + cell;
    }

    /**
     * A cell of a text column (a title, a name, a description): neutralised like any cell, and a text
     * that merely looks like a signed number ({@code +1}, {@code -5}) gets the apostrophe too, so it
     * opens as typed rather than as the number. Numeric columns use {@link #neutralise} (or pass numbers).
     */
    public static String text(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return (first == '+' || first == '-') && isPlainNumber(cell) ? "'" + cell : neutralise(cell);
    }

    /**
     * A cell read back from a file Waypoint exported: the apostrophe {@link #neutralise} or {@link #text}
     * put in front is taken off again, so that importing an export changes nothing. Any other leading
     * apostrophe is kept.
     */
    public static String fromExport(String cell) {
        if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && text(cell.substring(1)).equals(cell)) {
            return cell.substring(1);
        }
        return cell;
    }

    private static boolean isPlainNumber(String cell) {
        return cell.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    }

    /** A whole table: the header row, then each row's cells (null is an empty cell), as UTF-8 CSV. */
    public static byte[] write(List<String> headers, List<? extends List<?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            write(writer, headers, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A whole table to {@code writer}: the header row, then each row's cells, every cell neutralised. */
    public static void write(Writer writer, List<String> headers, List<? extends List<?>> rows) throws IOException {
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        printer.printRecord(headers.stream().map(CsvTables::neutralise).toList());
        for (List<?> row : rows) {
            printer.printRecord(row.stream().map(cell -> cell == null ? "" : neutralise(cell.toString())).toList());
        }
        printer.flush();
    }

    /** A printer for rows written one by one: {@link Rows#print} neutralises every cell. */
    public static Rows printer(Writer writer, List<String> headers) throws IOException {
        Rows rows = new Rows(new CSVPrinter(writer, FORMAT));
        rows.print(headers);
        return rows;
    }

    /** Rows written one at a time, each cell neutralised. */
    public static final class Rows implements AutoCloseable {
        private final CSVPrinter printer;

        private Rows(CSVPrinter printer) {
            this.printer = printer;
        }

        public void print(List<?> cells) throws IOException {
            printer.printRecord(cells.stream().map(cell -> cell == null ? "" : neutralise(cell.toString())).toList());
        }

        @Override
        public void close() throws IOException {
            printer.close();
        }
    }
}
