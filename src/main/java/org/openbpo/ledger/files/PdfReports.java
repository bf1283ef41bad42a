package org.openbpo.ledger.files;

import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Ledger reports as PDF: landscape A4, headings repeated on every page, amounts right-aligned. */
public final class PdfReports {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15);
    private static final Font SUBTITLE = FontFactory.getFont(FontFactory.HELVETICA, 9, Color.DARK_GRAY);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8.5f, Color.WHITE);
    private static final Font CELL = FontFactory.getFont(FontFactory.HELVETICA, 8.5f);
    private static final Font STRONG = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8.5f);
    private static final Color HEADING_BACKGROUND = new Color(0x1f, 0x3a, 0x5f);
    private static final Color RULE = new Color(0xd0, 0xd7, 0xe1);

    private PdfReports() {
    }

    public static byte[] render(ReportDocument report, String generatedBy) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle(report.title());
        document.addCreator("OpenBPO");
        document.open();
        document.add(new Paragraph(report.title(), TITLE));
        for (String line : report.subtitle()) {
            document.add(new Paragraph(line, SUBTITLE));
        }
        document.add(new Paragraph(generatedBy, SUBTITLE));
        document.add(new Paragraph(" ", SUBTITLE));
        PdfPTable table = new PdfPTable(report.columns().size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setWidths(widths(report));
        for (ReportDocument.Column column : report.columns()) {
            PdfPCell cell = new PdfPCell(new Phrase(column.heading(), HEADING));
            cell.setBackgroundColor(HEADING_BACKGROUND);
            cell.setPadding(4);
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setHorizontalAlignment(column.amount() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            table.addCell(cell);
        }
        for (ReportDocument.Row row : report.rows()) {
            for (int i = 0; i < report.columns().size(); i++) {
                Object value = i < row.cells().size() ? row.cells().get(i) : null;
                PdfPCell cell = new PdfPCell(new Phrase(text(value), row.strong() ? STRONG : CELL));
                cell.setBorder(Rectangle.BOTTOM);
                cell.setBorderColor(RULE);
                cell.setPadding(3);
                if (i == report.indentedColumn()) {
                    cell.setPaddingLeft(3 + 10 * row.level());
                }
                cell.setHorizontalAlignment(report.columns().get(i).amount() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
                table.addCell(cell);
            }
        }
        document.add(table);
        document.close();
        return out.toByteArray();
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
            format.setMinimumFractionDigits(Math.max(amount.scale(), 0));
            format.setMaximumFractionDigits(Math.max(amount.scale(), 0));
            return format.format(amount);
        }
        return value.toString();
    }

    private static float[] widths(ReportDocument report) {
        float[] widths = new float[report.columns().size()];
        for (int i = 0; i < widths.length; i++) {
            int longest = report.columns().get(i).heading().length();
            for (ReportDocument.Row row : report.rows()) {
                if (i < row.cells().size()) {
                    longest = Math.max(longest, text(row.cells().get(i)).length() + 2 * row.level());
                }
            }
            widths[i] = Math.min(Math.max(longest, 6), 60);
        }
        return widths;
    }
}
