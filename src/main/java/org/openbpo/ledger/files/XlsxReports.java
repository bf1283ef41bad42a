package org.openbpo.ledger.files;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Ledger reports as XLSX: amounts are numeric cells with as many decimals as their currency has,
 * so totals can be checked with a formula; written in a streaming workbook, so a general ledger
 * of many thousand lines does not sit in memory as cell objects.
 */
public final class XlsxReports {

    private XlsxReports() {
    }

    public static byte[] render(ReportDocument report, String generatedBy) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500)) {
            SXSSFSheet sheet = workbook.createSheet(report.title().length() > 31 ? report.title().substring(0, 31) : report.title());
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle strong = workbook.createCellStyle();
            strong.setFont(bold);
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            CellStyle title = workbook.createCellStyle();
            title.setFont(big);
            Map<String, CellStyle> amountStyles = new HashMap<>();

            int r = 0;
            sheet.createRow(r++).createCell(0).setCellValue(report.title());
            sheet.getRow(0).getCell(0).setCellStyle(title);
            for (String line : report.subtitle()) {
                sheet.createRow(r++).createCell(0).setCellValue(line);
            }
            sheet.createRow(r++).createCell(0).setCellValue(generatedBy);
            r++;
            Row headings = sheet.createRow(r++);
            for (int i = 0; i < report.columns().size(); i++) {
                headings.createCell(i).setCellValue(report.columns().get(i).heading());
                headings.getCell(i).setCellStyle(strong);
            }
            for (ReportDocument.Row row : report.rows()) {
                Row sheetRow = sheet.createRow(r++);
                for (int i = 0; i < row.cells().size() && i < report.columns().size(); i++) {
                    Object value = row.cells().get(i);
                    if (value == null) {
                        continue;
                    }
                    var cell = sheetRow.createCell(i);
                    if (value instanceof BigDecimal amount) {
                        cell.setCellValue(amount.doubleValue());
                        String key = amount.scale() + (row.strong() ? "b" : "");
                        cell.setCellStyle(amountStyles.computeIfAbsent(key, k -> {
                            CellStyle style = workbook.createCellStyle();
                            style.setDataFormat(workbook.createDataFormat().getFormat(
                                    amount.scale() > 0 ? "#,##0." + "0".repeat(amount.scale()) : "#,##0"));
                            if (row.strong()) {
                                style.setFont(bold);
                            }
                            return style;
                        }));
                    } else {
                        String text = value.toString();
                        cell.setCellValue(i == report.indentedColumn() && row.level() > 0 ? "  ".repeat(row.level()) + text : text);
                        if (row.strong()) {
                            cell.setCellStyle(strong);
                        }
                    }
                }
            }
            widen(sheet, report);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void widen(Sheet sheet, ReportDocument report) {
        for (int i = 0; i < report.columns().size(); i++) {
            int longest = report.columns().get(i).heading().length();
            for (ReportDocument.Row row : report.rows()) {
                if (i < row.cells().size()) {
                    longest = Math.max(longest, PdfReports.text(row.cells().get(i)).length() + 2 * row.level());
                }
            }
            sheet.setColumnWidth(i, Math.min(Math.max(longest + 2, 8), 60) * 256);
        }
    }
}
