package org.openbpo.payables;

import org.jspecify.annotations.Nullable;
import org.openbpo.payables.domain.InvoiceSheet;
import org.openbpo.payables.domain.UblInvoice;
import org.openbpo.payables.persistence.VendorRows;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Invoices from files: a CSV or XLSX sheet (one invoice per row; every row checked, nothing
 * captured unless all are acceptable) or a UBL 2.1 / PEPPOL BIS 3.0 e-invoice (its supplier found by
 * tax id or endpoint id unless the caller names the vendor).
 */
@Service
public class InvoiceImports {

    private final Invoices invoices;
    private final VendorRows vendors;
    private final Clients clients;

    InvoiceImports(Invoices invoices, VendorRows vendors, Clients clients) {
        this.invoices = invoices;
        this.vendors = vendors;
        this.clients = clients;
    }

    @Transactional
    public Invoices.Captured sheet(UUID client, byte[] content, boolean xlsx, CurrentUser by) {
        clients.get(client);
        PayablesPermissions.requireCapture(by);
        List<InvoiceSheet.Parsed> parsed = xlsx ? InvoiceSheet.xlsx(content) : InvoiceSheet.csv(content);
        return invoices.capture(client, parsed.stream().map(p -> new Invoices.Numbered("row " + p.row(), p.invoice())).toList(),
                xlsx ? InvoiceSource.XLSX : InvoiceSource.CSV, by);
    }

    @Transactional
    public Invoice eInvoice(UUID client, byte[] xml, @Nullable String vendorCode, CurrentUser by) {
        clients.get(client);
        PayablesPermissions.requireCapture(by);
        UblInvoice.Read read = UblInvoice.read(xml);
        String vendor = vendorCode != null ? vendorCode : supplier(client, read);
        CaptureInvoice c = read.invoice();
        CaptureInvoice invoice = new CaptureInvoice(vendor, c.number(), c.invoiceDate(), c.dueDate(), c.currency(), c.total(), c.tax(),
                c.purchaseOrder(), null, c.lines());
        return invoices.capture(client, List.of(new Invoices.Numbered("", invoice)), InvoiceSource.UBL, by).invoices().getFirst();
    }

    private String supplier(UUID client, UblInvoice.Read read) {
        for (String id : new String[]{read.supplierTaxId(), read.supplierEndpoint()}) {
            if (id != null && !id.isBlank()) {
                List<Vendor> found = vendors.byTaxId(client, id);
                if (found.size() == 1) {
                    return found.getFirst().code();
                }
            }
        }
        throw new FileRejected("unknown-supplier", "No vendor of the client has the supplier's tax id; name the vendor.",
                List.of(new FileProblem("/Invoice/cac:AccountingSupplierParty", "no vendor with tax id "
                        + read.supplierTaxId() + " or endpoint id " + read.supplierEndpoint() + " (" + read.supplierName() + ")")));
    }
}
