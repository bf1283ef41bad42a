package org.openbpo.payables.domain;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.openbpo.payables.CaptureInvoice;
import org.openbpo.payables.FileProblem;
import org.openbpo.payables.FileRejected;
import org.openbpo.shared.money.Decimals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Invoices from a spreadsheet, one invoice per row under a header row: vendor, number, date,
 * currency, total (required); due_date, tax, purchase_order, order_line, quantity, unit_price,
 * description, expense_account (optional). CSV (RFC 4180, UTF-8) or XLSX (the first sheet).
 * Every row is checked; the problems of all rows are reported together.
 */
public final class InvoiceSheet {

    public record Parsed(int row, CaptureInvoice invoice) {
    }

    static final List<String> REQUIRED = List.of("vendor", "number", "date", "currency", "total");
    static final Set<String> KNOWN = Set.of("vendor", "number", "date", "currency", "total", "due_date", "tax", "purchase_order",
            "order_line", "quantity", "unit_price", "description", "expense_account");
    public static final int MAX_ROWS = 100_000;

    private InvoiceSheet() {
    }

    public static List<Parsed> csv(byte[] content) {
        return parse(csvRows(new String(content, StandardCharsets.UTF_8)));
    }

    public static List<Parsed> xlsx(byte[] content) {
        List<List<String>> rows = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        cells.add(cell(row.getCell(c), formatter));
                    }
                }
                rows.add(cells);
            }
        } catch (IOException | RuntimeException e) {
            throw new FileRejected("unreadable-file", "The file is not an XLSX workbook this reader can open.",
                    List.of(new FileProblem("file", String.valueOf(e.getMessage()))));
        }
        return parse(rows);
    }

    private static String cell(@Nullable Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return formatter.formatCellValue(cell).strip();
    }

    static List<Parsed> parse(List<List<String>> rows) {
        List<FileProblem> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            throw new FileRejected("empty-file", "The file has no header row.", List.of(new FileProblem("row 1", "no header row")));
        }
        List<String> header = rows.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT).replace(' ', '_')).toList();
        for (String column : REQUIRED) {
            if (!header.contains(column)) {
                problems.add(new FileProblem("row 1", "the header has no column '" + column + "'"));
            }
        }
        for (String column : header) {
            if (!column.isEmpty() && !KNOWN.contains(column)) {
                problems.add(new FileProblem("row 1", "'" + column + "' is not a column this import reads (" + String.join(", ", KNOWN.stream().sorted().toList()) + ")"));
            }
        }
        if (!problems.isEmpty()) {
            throw new FileRejected("invalid-file", "The header row is not right; nothing was imported.", problems);
        }
        if (rows.size() - 1 > MAX_ROWS) {
            throw new FileRejected("file-too-large", "A file holds at most " + MAX_ROWS + " invoices.",
                    List.of(new FileProblem("row " + (MAX_ROWS + 2), "too many rows")));
        }
        List<Parsed> parsed = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                values.put(header.get(c), c < cells.size() ? cells.get(c).strip() : "");
            }
            int before = problems.size();
            Row row = new Row(r + 1, values, problems);
            String vendor = row.required("vendor", 40);
            String number = row.required("number", 60);
            LocalDate date = row.date("date", true);
            LocalDate due = row.date("due_date", false);
            String currency = row.required("currency", 3);
            if (currency != null && !currency.matches("[A-Z]{3}")) {
                row.problem("currency", "must be an ISO 4217 code such as EUR");
            }
            BigDecimal total = row.decimal("total", true);
            BigDecimal tax = row.decimal("tax", false);
            String order = row.optional("purchase_order", 60);
            BigDecimal orderLine = row.decimal("order_line", false);
            BigDecimal quantity = row.decimal("quantity", false);
            BigDecimal unitPrice = row.decimal("unit_price", false);
            String description = row.optional("description", 300);
            String account = row.optional("expense_account", 32);
            if (total != null && total.signum() <= 0) {
                row.problem("total", "must be more than zero");
            }
            if (tax != null && tax.signum() < 0) {
                row.problem("tax", "must not be negative");
            }
            if ((quantity == null) != (unitPrice == null) && problems.size() == before) { // not when one of them was refused
                row.problem(quantity == null ? "quantity" : "unit_price", "quantity and unit_price come together");
            }
            if (quantity != null && quantity.signum() <= 0) {
                row.problem("quantity", "must be more than zero");
            }
            if (orderLine != null && (orderLine.signum() <= 0 || orderLine.stripTrailingZeros().scale() > 0
                    || orderLine.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0)) {
                row.problem("order_line", "must be a whole number from 1 to " + Integer.MAX_VALUE);
            }
            if (problems.size() == before) {
                List<CaptureInvoice.Line> lines = quantity == null ? List.of() : List.of(new CaptureInvoice.Line(
                        description == null ? "Invoice " + number : description, quantity, unitPrice,
                        orderLine == null ? null : orderLine.intValueExact()));
                parsed.add(new Parsed(r + 1, new CaptureInvoice(vendor, number, date, due, currency, total, tax, order, account, lines)));
            }
        }
        if (!problems.isEmpty()) {
            throw new FileRejected("invalid-file", problems.size() + " problem(s) in the file; nothing was imported.", problems);
        }
        if (parsed.isEmpty()) {
            throw new FileRejected("empty-file", "The file has a header but no invoices.", List.of(new FileProblem("row 2", "no invoices")));
        }
        return parsed;
    }

    private record Row(int number, Map<String, String> values, List<FileProblem> problems) {

        void problem(String column, String reason) {
            problems.add(new FileProblem("row " + number + ", " + column, reason));
        }

        @Nullable String optional(String column, int max) {
            String value = values.getOrDefault(column, "");
            if (value.isEmpty()) {
                return null;
            }
            if (value.length() > max) {
                problem(column, "is longer than " + max + " characters");
            }
            return value;
        }

        @Nullable String required(String column, int max) {
            String value = optional(column, max);
            if (value == null) {
                problem(column, "is required");
            }
            return value;
        }

        @Nullable LocalDate date(String column, boolean required) {
            String value = required ? required(column, 10) : optional(column, 10);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(column, "'" + value + "' is not a date (YYYY-MM-DD)");
                return null;
            }
        }

        @Nullable BigDecimal decimal(String column, boolean required) {
            String value = required ? required(column, 30) : optional(column, 30);
            if (value == null) {
                return null;
            }
            if (value.indexOf(',') >= 0 && !THOUSANDS.matcher(value).matches()) {
                // 1234,56 is a decimal comma in much of Europe: read without it, it would be a hundred times the amount
                problem(column, "'" + value + "' is not a number such as 1234.56 or 1,234.56 (a comma only between thousands)");
                return null;
            }
            try {
                return Decimals.parse(value.replace(",", ""));
            } catch (NumberFormatException e) {
                problem(column, "'" + value + "' is not a number");
                return null;
            }
        }
    }

    /** A number with commas between its thousands, as 1,234,567.89. */
    private static final java.util.regex.Pattern THOUSANDS = java.util.regex.Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> csvRows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
