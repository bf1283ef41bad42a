package org.openbpo.billing;

import org.openpdf.text.Chunk;
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
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The invoice as the client receives it: the provider's letterhead, the client's details, every
 * line, credits as negative lines, tax per rate and the totals, all figures as stored (no
 * arithmetic here beyond grouping the tax lines the invoice already computed the same way).
 */
@Service
public class InvoicePdf {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final Invoicing invoicing;
    private final Clients clients;
    private final String providerName;
    private final String providerAddress;
    private final String providerTaxId;
    private final Color brand;

    InvoicePdf(Invoicing invoicing, Clients clients,
               @Value("${openbpo.provider.name:OpenBPO Provider}") String providerName,
               @Value("${openbpo.provider.address:}") String providerAddress,
               @Value("${openbpo.provider.tax-id:}") String providerTaxId,
               @Value("${openbpo.provider.brand-colour:#1f4e79}") String brandColour) {
        this.invoicing = invoicing;
        this.clients = clients;
        this.providerName = providerName;
        this.providerAddress = providerAddress;
        this.providerTaxId = providerTaxId;
        this.brand = Color.decode(brandColour);
    }

    @Transactional(readOnly = true)
    public byte[] render(UUID clientId, UUID invoiceId) {
        Invoice invoice = invoicing.get(clientId, invoiceId);
        Client client = clients.get(clientId);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle((invoice.kind() == InvoiceKind.CREDIT_NOTE ? "Credit note " : "Invoice ") + label(invoice));
        document.addCreator(providerName);
        document.open();
        Font brandFont = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18, Font.NORMAL, brand);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
        Font normal = FontFactory.getFont(FontFactory.HELVETICA, 9);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 7, Font.NORMAL, Color.DARK_GRAY);

        PdfPTable head = new PdfPTable(new float[]{3, 2});
        head.setWidthPercentage(100);
        PdfPCell provider = cell(new Phrase(providerName, brandFont), Rectangle.NO_BORDER);
        provider.addElement(new Paragraph(providerName, brandFont));
        if (!providerAddress.isBlank()) {
            provider.addElement(new Paragraph(providerAddress, normal));
        }
        if (!providerTaxId.isBlank()) {
            provider.addElement(new Paragraph("Tax id " + providerTaxId, normal));
        }
        head.addCell(provider);
        PdfPCell title = cell(new Phrase(""), Rectangle.NO_BORDER);
        title.addElement(new Paragraph(invoice.kind() == InvoiceKind.CREDIT_NOTE ? "CREDIT NOTE" : "INVOICE",
                FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16)));
        title.addElement(new Paragraph("Number: " + label(invoice), bold));
        title.addElement(new Paragraph("Date: " + (invoice.issuedOn() == null ? "not issued" : invoice.issuedOn().toString()), normal));
        title.addElement(new Paragraph("Period: " + invoice.period().format(MONTH), normal));
        title.addElement(new Paragraph("Currency: " + invoice.currency(), normal));
        head.addCell(title);
        document.add(head);

        Paragraph billTo = new Paragraph();
        billTo.setSpacingBefore(14);
        billTo.add(new Chunk("Bill to\n", bold));
        billTo.add(new Chunk(client.legalEntity() + "\n", normal));
        billTo.add(new Chunk(client.name() + " (client " + client.code() + "), " + client.country() + "\n", normal));
        if (invoice.corrects() != null) {
            Invoice corrected = invoicing.get(clientId, invoice.corrects());
            billTo.add(new Chunk("Corrects invoice " + corrected.number() + ": " + invoice.reason() + "\n", normal));
        }
        document.add(billTo);
        if (!invoice.issued()) {
            Paragraph draft = new Paragraph("DRAFT – " + invoice.status() + " – not a valid invoice",
                    FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12, Font.NORMAL, Color.RED));
            document.add(draft);
        }

        PdfPTable lines = new PdfPTable(new float[]{0.5f, 1.6f, 5, 1.3f, 1.1f, 1.6f});
        lines.setWidthPercentage(100);
        lines.setSpacingBefore(14);
        lines.setHeaderRows(1);
        for (String heading : new String[]{"#", "Service line", "Description", "Quantity", "Tax", "Amount"}) {
            PdfPCell cell = cell(new Phrase(heading, FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9, Font.NORMAL, Color.WHITE)),
                    Rectangle.BOTTOM);
            cell.setBackgroundColor(brand);
            lines.addCell(cell);
        }
        for (InvoiceLine line : invoice.lines()) {
            lines.addCell(cell(new Phrase(String.valueOf(line.lineNo()), normal), Rectangle.BOTTOM));
            lines.addCell(cell(new Phrase(line.serviceLine(), normal), Rectangle.BOTTOM));
            lines.addCell(cell(new Phrase(line.description(), normal), Rectangle.BOTTOM));
            lines.addCell(right(plain(line.quantity()) + (line.unit() == null ? "" : " " + line.unit()), normal));
            lines.addCell(right(plain(line.taxPercent()) + "%", normal));
            lines.addCell(right(line.amount().toPlainString(), normal));
        }
        document.add(lines);

        PdfPTable totals = new PdfPTable(new float[]{7, 2});
        totals.setWidthPercentage(60);
        totals.setHorizontalAlignment(Element.ALIGN_RIGHT);
        totals.setSpacingBefore(8);
        totals.addCell(cell(new Phrase("Subtotal", normal), Rectangle.NO_BORDER));
        totals.addCell(right(invoice.subtotal().toPlainString(), normal));
        Map<String, BigDecimal> taxBases = new TreeMap<>();
        invoice.lines().forEach(l -> taxBases.merge(l.taxName() + " (" + plain(l.taxPercent()) + "%)", l.amount(), BigDecimal::add));
        taxBases.forEach((rate, base) -> {
            totals.addCell(cell(new Phrase(rate + " on " + base.toPlainString(), normal), Rectangle.NO_BORDER));
            totals.addCell(right("", normal));
        });
        totals.addCell(cell(new Phrase("Tax", normal), Rectangle.NO_BORDER));
        totals.addCell(right(invoice.tax().toPlainString(), normal));
        totals.addCell(cell(new Phrase("Total " + invoice.currency(), bold), Rectangle.TOP));
        PdfPCell total = right(invoice.total().toPlainString(), bold);
        total.setBorder(Rectangle.TOP);
        totals.addCell(total);
        document.add(totals);

        Paragraph note = new Paragraph("Usage lines are the exact sum of the usage records behind them (" + invoice.usageRecords()
                + " records this month). Each line is rounded half up to the minor unit; tax is computed per rate on the"
                + " sum of that rate's lines. Service credits are netted as negative lines.", small);
        note.setSpacingBefore(16);
        document.add(note);
        document.close();
        return out.toByteArray();
    }

    public static String fileName(Invoice invoice) {
        return (invoice.number() == null ? "draft-" + invoice.id() : invoice.number()) + ".pdf";
    }

    private static String label(Invoice invoice) {
        return invoice.number() == null ? "(draft)" : invoice.number();
    }

    private static PdfPCell cell(Phrase phrase, int border) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(border);
        cell.setBorderColor(Color.LIGHT_GRAY);
        cell.setPadding(4);
        return cell;
    }

    private static PdfPCell right(String text, Font font) {
        PdfPCell cell = cell(new Phrase(text, font), Rectangle.BOTTOM);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
