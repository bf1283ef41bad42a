package org.openbpo.ledger;

import org.openbpo.ledger.persistence.ChartRows;
import org.openbpo.payables.PayablesEvents.ApprovedInvoice;
import org.openbpo.payables.PayablesEvents.InvoicesApproved;
import org.openbpo.payables.PayablesEvents.PaidInvoice;
import org.openbpo.payables.PayablesEvents.PaymentsMade;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Books payables in the client's ledger, if the client has books: an approved invoice debits the
 * expense (the invoice's own account, or the chart's general expense account) and credits accounts
 * payable; a payment debits accounts payable with what it settled of the invoice and credits the bank
 * with what was paid, other income with the discount taken and the expense with vendor credit applied. Each entry's idempotency key names the
 * invoice, so a redelivered event posts nothing twice. An entry the books refuse (a closed month,
 * a foreign currency without a rate, an unknown account) does not hold up the others, but the first
 * refusal is thrown at the end, so the event stays incomplete and comes again: once the rate is
 * quoted or the account opened, the entry posts, rather than a payment later debiting accounts
 * payable for a liability never credited.
 */
@Service
public class PayablesPosting {

    private static final Logger LOG = LoggerFactory.getLogger(PayablesPosting.class);

    /** The accounts of each shipped chart that payables posts to. */
    record Accounts(String payable, String expense, String bank, String discount) {
        static Optional<Accounts> of(String template) {
            return switch (template) {
                case "US_GAAP" -> Optional.of(new Accounts("2010", "6300", "1010", "4900"));
                case "IFRS" -> Optional.of(new Accounts("5100", "7400", "2400", "6900"));
                default -> Optional.empty();
            };
        }
    }

    private final Journal journal;
    private final ChartRows charts;
    private final TransactionTemplate transactions;

    PayablesPosting(Journal journal, ChartRows charts, TransactionTemplate transactions) {
        this.journal = journal;
        this.charts = charts;
        this.transactions = transactions;
    }

    @Async
    @TransactionalEventListener
    public void on(InvoicesApproved approved) {
        withAccounts(approved.clientId(), accounts -> {
            List<PostEntry> entries = new ArrayList<>();
            for (ApprovedInvoice invoice : approved.invoices()) {
                String expense = invoice.expenseAccount() == null ? accounts.expense() : invoice.expenseAccount();
                entries.add(new PostEntry(approved.on(), "Invoice " + invoice.number() + " from " + invoice.vendor(),
                        EntrySource.VENDOR_INVOICE, "payables-invoice-" + invoice.invoiceId(), false, List.of(
                        PostEntry.Line.debit(expense, invoice.amountMinor(), invoice.currency()),
                        PostEntry.Line.credit(accounts.payable(), invoice.amountMinor(), invoice.currency()))));
            }
            return entries;
        });
    }

    @Async
    @TransactionalEventListener
    public void on(PaymentsMade payments) {
        withAccounts(payments.clientId(), accounts -> {
            List<PostEntry> entries = new ArrayList<>();
            for (PaidInvoice paid : payments.payments()) {
                List<PostEntry.Line> lines = new ArrayList<>();
                lines.add(PostEntry.Line.debit(accounts.payable(), paid.amountMinor(), paid.currency()));
                if (paid.bankMinor() > 0) {
                    lines.add(PostEntry.Line.credit(accounts.bank(), paid.bankMinor(), paid.currency()));
                }
                if (paid.discountMinor() > 0) {
                    lines.add(PostEntry.Line.credit(accounts.discount(), paid.discountMinor(), paid.currency()));
                }
                if (paid.creditMinor() > 0) {
                    // The vendor's credit note lowers the cost it credits (booked when set against the invoice).
                    lines.add(PostEntry.Line.credit(accounts.expense(), paid.creditMinor(), paid.currency()));
                }
                entries.add(new PostEntry(payments.paidOn(), "Payment of invoice " + paid.number() + " to " + paid.vendor(),
                        EntrySource.PAYMENT, paymentKey(payments, paid), false, lines));
            }
            return entries;
        });
    }

    /** An invoice settled at once keeps the key it always had; each part of one paid in parts is keyed by its run too. */
    static String paymentKey(PaymentsMade payments, PaidInvoice paid) {
        return paid.whole() ? "payables-payment-" + paid.invoiceId() : "payables-payment-" + paid.invoiceId() + "-" + payments.runId();
    }

    private void withAccounts(UUID client, java.util.function.Function<Accounts, List<PostEntry>> build) {
        TenantScope.run(AllowedClients.only(client), () -> {
            Optional<Accounts> accounts = transactions.execute(tx -> charts.book(client).flatMap(book -> Accounts.of(book.template())));
            if (accounts == null || accounts.isEmpty()) {
                return; // no books kept for this client (or a chart payables does not know)
            }
            BusinessRuleViolation firstRefusal = null;
            for (PostEntry entry : build.apply(accounts.get())) {
                try {
                    TransactionTemplate each = new TransactionTemplate(transactions.getTransactionManager());
                    each.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
                    each.executeWithoutResult(tx -> journal.post(client, entry));
                } catch (BusinessRuleViolation refused) {
                    LOG.warn("The books of client {} refused {}: {}; it is posted when the event is delivered again", client,
                            entry.idempotencyKey(), refused.getMessage());
                    firstRefusal = firstRefusal == null ? refused : firstRefusal;
                }
            }
            if (firstRefusal != null) {
                throw firstRefusal;
            }
        });
    }
}
