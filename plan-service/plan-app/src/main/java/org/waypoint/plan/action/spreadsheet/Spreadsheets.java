package org.waypoint.plan.action.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.waypoint.platform.spreadsheet.CsvTables;
import org.waypoint.platform.spreadsheet.TextFiles;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * Reads and writes tables as CSV or XLSX: a header row, then one row per record. Reading gives
 * each row as header to text (dates in XLSX as ISO dates), with its row number in the file.
 */
public final class Spreadsheets {

    public static final int MAX_ROWS = 5000;

    /** One data row: its number as a person sees it in the file (the header is row 1), and its cells by header. */
    public record Row(int number, Map<String, String> cells) {
    }

    public enum Format {
        CSV("text/csv", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public static Format of(String name, String fieldName) {
            if (name == null) {
                throw new InvalidInputException(fieldName, "must be csv or xlsx");
            }
            String n = name.toLowerCase(Locale.ROOT);
            if (n.equals("csv") || n.endsWith(".csv")) {
                return CSV;
            }
            if (n.equals("xlsx") || n.endsWith(".xlsx")) {
                return XLSX;
            }
            throw new InvalidInputException(fieldName, "must be csv or xlsx");
        }
    }

    private Spreadsheets() {
    }

    public static List<Row> read(InputStream in, Format format) {
        try {
            return format == Format.CSV ? readCsv(in) : readXlsx(in);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "is not a readable " + format.extension.toUpperCase(Locale.ROOT) + " file");
        }
    }

    private static List<Row> readCsv(InputStream in) throws IOException {
        List<Row> rows = new ArrayList<>();
        CSVFormat csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).setAllowMissingColumnNames(true).build();
        // UTF-8 (with or without its mark), UTF-16 with its mark, or Windows-1252 (Excel's "CSV" on a UK PC)
        String text = TextFiles.decode(in.readAllBytes(), "file");
        try (CSVParser parser = CSVParser.parse(new StringReader(text), csv)) {
            List<String> headers = parser.getHeaderNames();
            for (CSVRecord record : parser) {
                limit(rows);
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < headers.size() && i < record.size(); i++) {
                    cells.put(headers.get(i).replace("\uFEFF", "").strip(), record.get(i));
                }
                rows.add(new Row((int) record.getRecordNumber() + 1, cells));
            }
        }
        return rows;
    }

    private static List<Row> readXlsx(InputStream in) throws IOException {
        List<Row> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(Locale.UK);
        try (Workbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            org.apache.poi.ss.usermodel.Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                return rows;
            }
            List<String> headers = new ArrayList<>();
            header.forEach(cell -> headers.add(formatter.formatCellValue(cell).strip()));
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean any = false;
                for (int c = 0; c < headers.size(); c++) {
                    Cell cell = row.getCell(c);
                    String value = cell == null ? "" : cellText(cell, formatter);
                    any |= !value.isBlank();
                    cells.put(headers.get(c), value);
                }
                if (any) {
                    limit(rows);
                    rows.add(new Row(r + 1, cells));
                }
            }
        }
        return rows;
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static void limit(List<Row> rows) {
        if (rows.size() >= MAX_ROWS) {
            throw new InvalidInputException("file", "has more than " + MAX_ROWS + " rows");
        }
    }

    /**
     * A table as CSV or XLSX. CSV goes through the platform's one writer ({@link CsvTables}): a cell a
     * spreadsheet would read as a formula gets a leading apostrophe, and so does a signed number in one
     * of the {@code textColumns} ({@link CsvTables#text}). XLSX cells are all strings, never formulas, as typed.
     */
    public static byte[] write(List<String> headers, List<List<String>> rows, Format format, Set<Integer> textColumns) {
        if (format == Format.CSV) {
            List<List<String>> cells = new ArrayList<>(rows.size());
            for (List<String> row : rows) {
                List<String> out = new ArrayList<>(row.size());
                for (int c = 0; c < row.size(); c++) {
                    out.add(textColumns.contains(c) ? CsvTables.text(row.get(c)) : row.get(c));
                }
                cells.add(out);
            }
            return CsvTables.write(headers, cells);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Sheet sheet = workbook.createSheet("Actions");
            org.apache.poi.ss.usermodel.Row header = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    row.createCell(c).setCellValue(value == null ? "" : value);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table whose every column is text. */
    public static byte[] write(List<String> headers, List<List<String>> rows, Format format) {
        Set<Integer> all = new HashSet<>();
        for (int c = 0; c < headers.size(); c++) {
            all.add(c);
        }
        return write(headers, rows, format, all);
    }
}
