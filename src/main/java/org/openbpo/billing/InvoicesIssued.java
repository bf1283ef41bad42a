package org.openbpo.billing;

import java.util.List;

/**
 * A month's invoices issued together ({@link Invoicing#issueMonth}): one event for the lot, so month
 * end writes one publication rather than one per invoice. Listeners treat each like an {@link InvoiceIssued}.
 */
public record InvoicesIssued(List<InvoiceIssued> invoices) {

    public InvoicesIssued {
        invoices = List.copyOf(invoices);
    }
}
