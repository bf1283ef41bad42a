package org.openbpo.payroll.domain;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an employee file, CSV (RFC 4180: commas, double-quoted fields, a header row) or XLSX (the first
 * sheet, a header row), into rows of column name to text. Row numbers are the ones a spreadsheet shows:
 * the header is row 1.
 */
public final class EmployeeFile {

    /** One data row: its number as a spreadsheet shows it, and its values by column name. */
    public record FileRow(int number, Map<String, String> values) {
    }

    /** The file could not be read at all (not CSV, not XLSX, no header). */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    /** The header's columns and the rows; {@code unknownColumns} lists header names no field has. */
    public record Contents(List<String> header, List<String> unknownColumns, List<FileRow> rows) {
    }

    private EmployeeFile() {
    }

    public static Contents read(byte[] content, boolean xlsx, List<String> columns) {
        List<List<String>> table = xlsx ? xlsx(content) : csv(content);
        if (table.isEmpty()) {
            throw new Unreadable("The file is empty; it needs a header row naming the columns");
        }
        Map<String, String> known = new LinkedHashMap<>();
        columns.forEach(column -> known.put(column.toLowerCase(Locale.ROOT), column));
        List<String> header = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String written : table.getFirst()) {
            String name = known.get(written.strip().toLowerCase(Locale.ROOT));
            header.add(name);
            if (name == null && !written.isBlank()) {
                unknown.add(written.strip());
            }
        }
        List<FileRow> rows = new ArrayList<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> cells = table.get(i);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < cells.size() && c < header.size(); c++) {
                if (header.get(c) != null && !cells.get(c).isBlank()) {
                    values.put(header.get(c), cells.get(c).strip());
                }
            }
            if (cells.size() > header.size() && cells.subList(header.size(), cells.size()).stream().anyMatch(s -> !s.isBlank())) {
                values.put("", "row has more cells than the header has columns");
            }
            rows.add(new FileRow(i + 1, values));
        }
        return new Contents(header, unknown, rows);
    }

    static List<List<String>> csv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                line++;
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new Unreadable("A quoted field opened before line " + line + " is never closed");
        }
        if (!cell.isEmpty() || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> xlsx(byte[] content) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable unreadable) {
                throw unreadable;
            }
            throw new Unreadable("The file is not an XLSX workbook this version reads: " + e.getMessage());
        }
    }

    /** A cell as text: dates as YYYY-MM-DD, numbers as written (no float rounding), booleans as true/false. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (type == CellType.NUMERIC) {
            return new java.math.BigDecimal(formatter.formatCellValue(cell).replace(",", "")).toPlainString();
        }
        if (type == CellType.BOOLEAN) {
            return String.valueOf(cell.getBooleanCellValue());
        }
        return formatter.formatCellValue(cell);
    }
}
