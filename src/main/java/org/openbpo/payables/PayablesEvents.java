package org.openbpo.payables;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What payables tells the rest of OpenBPO, published in the transaction that made it so. Amounts
 * are in minor units of the invoice's currency. One event carries every invoice a capture or an
 * approval decided, so a file of thousands of invoices is one event, not thousands.
 */
public final class PayablesEvents {

    private PayablesEvents() {
    }

    public record ApprovedInvoice(UUID invoiceId, String vendor, String number, String currency, long amountMinor,
                                  @Nullable String expenseAccount) {
    }

    /** Invoices approved (or matched to their orders) on a day: the liability to book. */
    public record InvoicesApproved(UUID clientId, LocalDate on, List<ApprovedInvoice> invoices) {
    }

    /**
     * What a run settled of one invoice: {@code amountMinor} in all, of which {@code discountMinor} was an
     * early-payment discount and {@code creditMinor} the vendor's credit notes; the rest went to the bank.
     * {@code whole} says the run settled the whole invoice at once (no part paid before, none left open).
     */
    public record PaidInvoice(UUID invoiceId, String vendor, String number, String currency, long amountMinor,
                              long discountMinor, long creditMinor, boolean whole) {

        public long bankMinor() {
            return amountMinor - discountMinor - creditMinor;
        }
    }

    /** A payment run paid invoices on a day, taking the discounts listed. */
    public record PaymentsMade(UUID clientId, UUID runId, LocalDate paidOn, List<PaidInvoice> payments) {
    }
}
