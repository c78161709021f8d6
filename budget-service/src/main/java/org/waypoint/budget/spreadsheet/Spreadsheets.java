package org.waypoint.budget.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.waypoint.platform.spreadsheet.CsvTables;
import org.waypoint.platform.spreadsheet.TextFiles;
import org.waypoint.platform.validation.InvalidInputException;

/**
 * Tables in and out of files: CSV, tab-separated text or XLSX (the first sheet) in; CSV or XLSX
 * out. A table is read cell by cell as text, keeping each cell's column, so that a budget table's
 * own arithmetic can be checked; XLSX numbers are read as the decimal Excel shows at 15
 * significant digits (never as a binary double's noise), percentage-formatted cells as percentages.
 * It knows no budget type: a caller writes money as an {@link Amount}.
 */
public final class Spreadsheets {

    public static final String XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final int MAX_ROWS = 5000;

    /**
     * A cell holding money, such as {@code -1200.50}: in CSV its plain text, in XLSX a number cell
     * formatted {@code #,##0.00}. (A bare {@link BigDecimal} is a percentage, written as text.)
     */
    public record Amount(BigDecimal value) {

        public Amount {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }
    }

    /** The rows of a table, the header first, and the number a person sees beside the header row. */
    public record Table(List<List<String>> rows, int firstRow) {
    }

    public enum Format {
        CSV("text/csv;charset=UTF-8", "csv"), XLSX(XLSX_MEDIA_TYPE, "xlsx");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        public static Format parse(String format, String field) {
            return switch (format == null ? "" : format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> CSV;
                case "xlsx" -> XLSX;
                default -> throw new InvalidInputException(field, "must be csv or xlsx");
            };
        }
    }

    private Spreadsheets() {
    }

    /** An uploaded file: XLSX by name or content type, otherwise CSV or tab-separated text. */
    public static Table read(byte[] content, String filename, String contentType) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xls")) {
            throw new InvalidInputException("file", "is an old Excel (.xls) workbook: save it as .xlsx or CSV");
        }
        if (name.endsWith(".xlsx") || XLSX_MEDIA_TYPE.equals(contentType)) {
            return readXlsx(content);
        }
        return readText(content);
    }

    /**
     * CSV or tab-separated bytes as uploaded: decoded by {@link TextFiles#decode} (UTF-8 with or
     * without a byte-order mark, UTF-16 with one, or Windows-1252 as Excel saves "CSV" on a UK
     * machine), so that {@code café £100} is read as typed.
     */
    public static Table readText(byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "is empty: the first row must name the columns");
        }
        return readText(TextFiles.decode(content, "file"));
    }

    /** CSV, or tab-separated when the first line has a tab. */
    public static Table readText(String table) {
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
                limit(rows);
                rows.add(record.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("file", "is not readable CSV (row " + (rows.size() + 1) + ")");
        }
        return new Table(rows, 1);
    }

    /** The first sheet, from its first non-empty row; empty rows in between are kept (as empty rows). */
    public static Table readXlsx(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "is empty");
        }
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new InvalidInputException("file", "has no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.UK);
            List<List<String>> rows = new ArrayList<>();
            int first = -1;
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : text(cell, formatter));
                    }
                }
                while (!cells.isEmpty() && cells.getLast().isEmpty()) {
                    cells.removeLast();
                }
                if (first < 0 && cells.isEmpty()) {
                    continue;
                }
                if (first < 0) {
                    first = r;
                }
                limit(rows);
                rows.add(cells);
            }
            if (rows.isEmpty()) {
                throw new InvalidInputException("file", "is empty: the first row must name the columns");
            }
            return new Table(rows, first + 1);
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "is not a readable XLSX workbook");
        }
    }

    /** A cell as the text a person sees: numbers exact to Excel's 15 digits, 5% as "5", dates as 2021-04-01. */
    static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    yield cell.getLocalDateTimeCellValue().toLocalDate().toString();
                }
                BigDecimal value = new BigDecimal(cell.getNumericCellValue()).round(new MathContext(15));
                String format = cell.getCellStyle() == null ? "" : cell.getCellStyle().getDataFormatString();
                if (format != null && format.contains("%")) {
                    value = value.movePointRight(2);
                }
                yield value.stripTrailingZeros().toPlainString();
            }
            case STRING -> cell.getStringCellValue().strip();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case BLANK, ERROR, _NONE -> "";
            default -> formatter.formatCellValue(cell).strip();
        };
    }

    private static void limit(List<List<String>> rows) {
        if (rows.size() >= MAX_ROWS) {
            throw new InvalidInputException("file", "has more than " + MAX_ROWS + " rows");
        }
    }

    /**
     * A cell for {@link CsvTables}: numbers ({@link Amount}s of money, counts, percentages as {@link BigDecimal})
     * as plain numbers; text as text, so that a text field holding a signed number (a division or
     * a project named {@code +1} or {@code -1}), which CsvTables leaves as the number it looks
     * like, gets the same leading apostrophe as any other text starting with {@code +} or {@code -}.
     */
    static Object csvCell(Object value) {
        if (value instanceof String text) {
            return CsvTables.text(text);
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        return value;
    }

    /**
     * Writes a table. CSV through the platform's one CSV writer ({@link CsvTables}: a text cell a
     * spreadsheet would take for a formula, such as {@code =HYPERLINK(...)}, gets a leading
     * apostrophe, and so does text holding a signed number ({@link #csvCell}); money such as
     * {@code -1200.50}, an {@link Amount}, stays a plain number). XLSX cells are strings or
     * numbers, never formulas. Money is written exactly: in CSV as its two-decimal text, in XLSX as
     * a number cell formatted {@code #,##0.00} (below a trillion pounds every penny amount has at
     * most 14 significant digits, which an Excel number holds exactly), so that the sheet can add it up.
     */
    public static byte[] write(Format format, String sheetName, List<String> header, List<List<Object>> rows) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (format == Format.CSV) {
                return CsvTables.write(header, rows.stream().map(r -> r.stream().map(Spreadsheets::csvCell).toList()).toList());
            }
            try (XSSFWorkbook workbook = new XSSFWorkbook()) {
                Sheet sheet = workbook.createSheet(sheetName);
                CellStyle bold = workbook.createCellStyle();
                Font font = workbook.createFont();
                font.setBold(true);
                bold.setFont(font);
                CellStyle money = workbook.createCellStyle();
                money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
                Row head = sheet.createRow(0);
                for (int c = 0; c < header.size(); c++) {
                    Cell cell = head.createCell(c);
                    cell.setCellValue(header.get(c));
                    cell.setCellStyle(bold);
                }
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> values = rows.get(r);
                    for (int c = 0; c < values.size(); c++) {
                        Object v = values.get(c);
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(c);
                        if (v instanceof Amount amount) {
                            cell.setCellValue(amount.value().doubleValue());
                            cell.setCellStyle(money);
                        } else if (v instanceof Integer i) {
                            cell.setCellValue(i);
                        } else if (v instanceof BigDecimal percent) {
                            cell.setCellValue(percent.toPlainString()); // as before: percentages as text, exactly as the API writes them
                        } else {
                            cell.setCellValue(v.toString());
                        }
                    }
                }
                sheet.createFreezePane(0, 1);
                workbook.write(out);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
