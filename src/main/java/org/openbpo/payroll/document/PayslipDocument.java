package org.openbpo.payroll.document;

import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
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
import org.jspecify.annotations.Nullable;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * A payslip as a PDF (OpenPDF): the employer's name and legal entity in its colour at the top, the
 * employee and the period, earnings, deductions, the net pay, the employer's costs and the figures to
 * date, labelled in the employee's language where OpenBPO has it ({@link PayslipLabels}); the lines' rule texts
 * stay as the rule packs word them. Amounts are printed as stored, never recomputed.
 */
public final class PayslipDocument {

    /** What a payslip shows; amounts as decimal strings. */
    public record Contents(String employer, String legalEntity, Color brand, String employeeName, String employeeNumber,
                           @Nullable Long number, String payGroup, String periodStart, String periodEnd, String payDate,
                           String taxYear, int period, String currency, List<Row> earnings, List<Row> deductions,
                           List<Row> employerCosts, String gross, String net, Map<String, String> toDate, boolean draft,
                           PayslipLabels labels) {
    }

    /** One line: what it is, the rule or description, and the amount. */
    public record Row(String code, String description, String amount) {
    }

    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 8, Color.DARK_GRAY);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);

    private PayslipDocument() {
    }

    public static byte[] render(Contents c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Payslip " + c.employeeName() + " " + c.payDate());
            document.addAuthor(c.employer());
            document.open();
            PdfPTable banner = new PdfPTable(1);
            banner.setWidthPercentage(100);
            PdfPCell head = new PdfPCell();
            head.setBackgroundColor(c.brand());
            head.setBorder(Rectangle.NO_BORDER);
            head.setPadding(12);
            head.addElement(new Paragraph(c.employer(), FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16, Color.WHITE)));
            head.addElement(new Paragraph(c.legalEntity(), FontFactory.getFont(FontFactory.HELVETICA, 9, Color.WHITE)));
            banner.addCell(head);
            document.add(banner);

            PayslipLabels l = c.labels();
            Paragraph title = new Paragraph((c.draft() ? l.text("draft") : l.text("number", String.valueOf(c.number()))),
                    FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13));
            title.setSpacingBefore(12);
            title.setSpacingAfter(6);
            document.add(title);

            PdfPTable who = new PdfPTable(new float[]{1, 2, 1, 2});
            who.setWidthPercentage(100);
            pair(who, l.text("employee"), c.employeeName());
            pair(who, l.text("employeeNumber"), c.employeeNumber());
            pair(who, l.text("period"), l.text("periodText", c.periodStart(), c.periodEnd()));
            pair(who, l.text("payDate"), c.payDate());
            pair(who, l.text("payGroup"), c.payGroup());
            pair(who, l.text("taxPeriod"), c.taxYear() + " / " + c.period());
            document.add(who);

            section(document, l.text("earnings"), c.earnings(), c.currency(), l.text("gross"), c.gross());
            section(document, l.text("deductions"), c.deductions(), c.currency(), null, null);

            PdfPTable net = new PdfPTable(new float[]{3, 1});
            net.setWidthPercentage(100);
            net.setSpacingBefore(8);
            PdfPCell label = new PdfPCell(new Phrase(l.text("net"), FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12, Color.WHITE)));
            label.setBackgroundColor(c.brand());
            label.setPadding(6);
            PdfPCell amount = new PdfPCell(new Phrase(c.net() + " " + c.currency(),
                    FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12, Color.WHITE)));
            amount.setBackgroundColor(c.brand());
            amount.setHorizontalAlignment(Element.ALIGN_RIGHT);
            amount.setPadding(6);
            net.addCell(label);
            net.addCell(amount);
            document.add(net);

            section(document, l.text("employerCosts"), c.employerCosts(), c.currency(), null, null);
            if (!c.toDate().isEmpty()) {
                Paragraph heading = new Paragraph(l.text("toDate", c.taxYear()), BOLD);
                heading.setSpacingBefore(10);
                document.add(heading);
                PdfPTable ytd = new PdfPTable(c.toDate().size());
                ytd.setWidthPercentage(100);
                c.toDate().keySet().forEach(key -> ytd.addCell(cell(l.text("toDate." + key), SMALL, Element.ALIGN_CENTER)));
                c.toDate().values().forEach(value -> ytd.addCell(cell(value, BODY, Element.ALIGN_CENTER)));
                document.add(ytd);
            }
            Paragraph foot = new Paragraph(l.text("footer"), SMALL);
            foot.setSpacingBefore(14);
            document.add(foot);
        } catch (DocumentException e) {
            throw new IllegalStateException("The payslip could not be drawn: " + e.getMessage(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static void section(Document document, String title, List<Row> rows, String currency, @Nullable String totalLabel,
                                @Nullable String total) throws DocumentException {
        if (rows.isEmpty() && total == null) {
            return;
        }
        Paragraph heading = new Paragraph(title, BOLD);
        heading.setSpacingBefore(10);
        heading.setSpacingAfter(4);
        document.add(heading);
        PdfPTable table = new PdfPTable(new float[]{1.7f, 4, 1.4f});
        table.setWidthPercentage(100);
        for (Row row : rows) {
            table.addCell(cell(row.code(), BODY, Element.ALIGN_LEFT));
            table.addCell(cell(row.description(), SMALL, Element.ALIGN_LEFT));
            table.addCell(cell(row.amount() + " " + currency, BODY, Element.ALIGN_RIGHT));
        }
        if (totalLabel != null) {
            PdfPCell label = cell(totalLabel, BOLD, Element.ALIGN_LEFT);
            label.setColspan(2);
            table.addCell(label);
            table.addCell(cell(total + " " + currency, BOLD, Element.ALIGN_RIGHT));
        }
        document.add(table);
    }

    private static void pair(PdfPTable table, String label, String value) {
        table.addCell(cell(label, SMALL, Element.ALIGN_LEFT));
        table.addCell(cell(value, BODY, Element.ALIGN_LEFT));
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(new Chunk(text, font)));
        cell.setHorizontalAlignment(align);
        cell.setBorderColor(new Color(220, 220, 220));
        cell.setPadding(4);
        return cell;
    }
}
