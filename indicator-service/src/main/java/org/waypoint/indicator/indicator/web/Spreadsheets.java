package org.waypoint.indicator.indicator.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.waypoint.indicator.indicator.application.IndicatorCsv;
import org.waypoint.platform.validation.InvalidInputException;

/** XLSX workbooks with the same columns as the CSV tables: the first sheet is read, one sheet is written. */
final class Spreadsheets {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final int MAX_BYTES = 10 * 1024 * 1024;

    private Spreadsheets() {
    }

    static List<IndicatorCsv.Row> read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", "is larger than 10 MB");
        }
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(java.util.Locale.UK);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw new InvalidInputException("file", "has no header row");
            }
            List<String> names = new ArrayList<>();
            for (Cell cell : header) {
                while (names.size() < cell.getColumnIndex()) {
                    names.add("");
                }
                names.add(formatter.formatCellValue(cell));
            }
            List<IndicatorCsv.Row> rows = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                boolean any = false;
                for (int c = 0; c < names.size(); c++) {
                    Cell cell = row.getCell(c);
                    String v = cell == null ? "" : formatter.formatCellValue(cell).strip();
                    any |= !v.isEmpty();
                    cells.put(IndicatorCsv.canonicalHeader(names.get(c)), v);
                }
                if (any) {
                    rows.add(new IndicatorCsv.Row(r + 1, cells));
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

    static byte[] write(String sheetName, List<String> header, List<List<Object>> rows) {
        try (Workbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            Row head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate || v instanceof Instant) {
                        row.createCell(c).setCellValue(v.toString());
                    } else if (v != null) {
                        row.createCell(c).setCellValue(v.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
