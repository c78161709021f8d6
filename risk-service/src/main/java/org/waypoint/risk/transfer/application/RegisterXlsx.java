package org.waypoint.risk.transfer.application;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

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
import org.waypoint.platform.validation.InvalidInputException;
import org.waypoint.risk.risk.domain.Risk;

/**
 * A register as an XLSX workbook: the first sheet, a header row with the same columns as
 * {@link RegisterCsv}, one row per risk. Numbers are read exactly as typed (3, not 3.0), dates as
 * ISO dates; row numbers are those a person sees in Excel (the header is row 1).
 */
public final class RegisterXlsx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private RegisterXlsx() {
    }

    public static List<RegisterCsv.Row> parse(byte[] bytes) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new InvalidInputException("file", "has no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.UK);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw new InvalidInputException("file", "has no header row");
            }
            List<String> keys = new ArrayList<>();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                Cell cell = header.getCell(c);
                keys.add(cell == null ? "" : RegisterCsv.key(text(cell, formatter)));
            }
            if (!keys.contains("code")) {
                throw new InvalidInputException("file", "has no Code column; expected columns like " + RegisterCsv.COLUMNS);
            }
            List<RegisterCsv.Row> rows = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                boolean any = false;
                for (int c = 0; c < keys.size(); c++) {
                    Cell cell = row.getCell(c);
                    String value = cell == null ? "" : text(cell, formatter);
                    any |= !value.isBlank();
                    if (!keys.get(c).isEmpty()) {
                        values.put(keys.get(c), value);
                    }
                }
                if (any) {
                    if (rows.size() >= RegisterCsv.MAX_ROWS) {
                        throw new InvalidInputException("file", "has more than " + RegisterCsv.MAX_ROWS + " rows");
                    }
                    rows.add(new RegisterCsv.Row(r + 1L, values));
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("file", "is not a readable XLSX workbook");
        }
    }

    /** A cell's text: numbers as written (no "3.0", no thousands separators), dates as 2022-03-31. */
    static String text(Cell cell, DataFormatter formatter) {
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case STRING -> cell.getStringCellValue().strip();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case BLANK, ERROR, _NONE -> "";
            default -> formatter.formatCellValue(cell).strip();
        };
    }

    public static byte[] write(List<Risk> risks, Function<String, String> registerNames) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Risk register");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            Row head = sheet.createRow(0);
            for (int c = 0; c < RegisterCsv.COLUMNS.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(RegisterCsv.COLUMNS.get(c));
                cell.setCellStyle(bold);
            }
            for (int r = 0; r < risks.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = RegisterCsv.values(risks.get(r), registerNames);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    Cell cell = row.createCell(c);
                    if (v instanceof Integer n) {
                        cell.setCellValue(n);
                    } else if (v != null && !v.toString().isEmpty()) {
                        String s = v.toString();
                        cell.setCellValue(s);
                        if (s.contains("\n")) {
                            cell.setCellStyle(wrap);
                        }
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
