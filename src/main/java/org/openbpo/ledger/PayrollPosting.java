package org.openbpo.ledger;

import org.openbpo.audit.AuditTrail;
import org.openbpo.payroll.PayRunFinalized;
import org.openbpo.ledger.persistence.ChartRows;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Posts a finalised pay run's journal to the client's books, if the client keeps its books with the
 * provider. The event stays in the event publication registry until this has committed, so a crash
 * redelivers it; the entry's idempotency key ({@code payroll-run:<id>}) makes the redelivery a no-op.
 * Accounts by chart template: gross pay and the employer's costs as expenses, net pay as wages payable,
 * withholdings and employer contributions as payroll tax liabilities, deductions after tax as accruals.
 */
@Service
public class PayrollPosting {

    /** Account codes per chart template and journal purpose. */
    private static final Map<String, Map<PayRunFinalized.Purpose, String>> ACCOUNTS = Map.of(
            "US_GAAP", Map.of(PayRunFinalized.Purpose.GROSS_PAY, "6010", PayRunFinalized.Purpose.EMPLOYER_COST, "6020",
                    PayRunFinalized.Purpose.NET_PAY, "2200", PayRunFinalized.Purpose.WITHHELD, "2210",
                    PayRunFinalized.Purpose.EMPLOYER_LIABILITY, "2210", PayRunFinalized.Purpose.DEDUCTION, "2100",
                    PayRunFinalized.Purpose.EMPLOYMENT_ALLOWANCE, "6020-EA"),
            "IFRS", Map.of(PayRunFinalized.Purpose.GROSS_PAY, "7200", PayRunFinalized.Purpose.EMPLOYER_COST, "7210",
                    PayRunFinalized.Purpose.NET_PAY, "5300", PayRunFinalized.Purpose.WITHHELD, "5500",
                    PayRunFinalized.Purpose.EMPLOYER_LIABILITY, "5500", PayRunFinalized.Purpose.DEDUCTION, "5200",
                    PayRunFinalized.Purpose.EMPLOYMENT_ALLOWANCE, "7210-EA"));

    /**
     * The templates have no account for the Employment Allowance: a client's chart gets it, beside the employer
     * cost it reduces, when its first claim is posted.
     */
    private static final Map<String, Account> EMPLOYMENT_ALLOWANCE = Map.of(
            "US_GAAP", new Account("6020-EA", "Employment Allowance (employer NICs)", AccountType.EXPENSE, "6000", false, null),
            "IFRS", new Account("7210-EA", "Employment Allowance (employer NICs)", AccountType.EXPENSE, "7000", false, null));

    private final ChartRows chart;
    private final Journal journal;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;

    PayrollPosting(ChartRows chart, Journal journal, TransactionTemplate transactions, AuditTrail audit, Clock clock) {
        this.chart = chart;
        this.journal = journal;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener
    public void on(PayRunFinalized finalized) {
        TenantScope.run(AllowedClients.only(finalized.clientId()), () -> transactions.executeWithoutResult(tx -> post(finalized)));
    }

    /** Posts the run's journal; returns false when the client keeps no books with the provider. */
    boolean post(PayRunFinalized finalized) {
        // Asked of the rows, not of Books: its NotFound would mark this transaction rollback-only.
        Book book = chart.book(finalized.clientId()).orElse(null);
        if (book == null) {
            return false;
        }
        Map<PayRunFinalized.Purpose, String> accounts = ACCOUNTS.get(book.template());
        if (accounts == null) {
            throw new IllegalStateException("No payroll accounts for chart template " + book.template());
        }
        Currency currency = Currency.getInstance(finalized.currency());
        List<PostEntry.Line> lines = new ArrayList<>();
        for (PayRunFinalized.JournalLine line : finalized.lines()) {
            long minor = line.amount().movePointRight(currency.getDefaultFractionDigits()).setScale(0, java.math.RoundingMode.UNNECESSARY)
                    .longValueExact();
            if (minor == 0) {
                continue;
            }
            String account = accounts.get(line.purpose());
            if (line.purpose() == PayRunFinalized.Purpose.EMPLOYMENT_ALLOWANCE) {
                openIfMissing(finalized.clientId(), EMPLOYMENT_ALLOWANCE.get(book.template()));
            }
            // A reversal run's journal carries negative amounts: posted on the other side, it reverses the original entry.
            boolean debit = line.debit() == (minor > 0);
            minor = Math.abs(minor);
            PostEntry.Line posted = debit ? PostEntry.Line.debit(account, minor, currency.getCurrencyCode())
                    : PostEntry.Line.credit(account, minor, currency.getCurrencyCode());
            lines.add(new PostEntry.Line(posted.account(), posted.debit(), posted.credit(), posted.currency(), null, null, null,
                    line.purpose().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + line.code()));
        }
        if (lines.isEmpty()) {
            return false;
        }
        journal.post(finalized.clientId(), new PostEntry(finalized.payDate(), "Pay run " + finalized.payRunId() + " ("
                + finalized.payGroup() + "), paid " + finalized.payDate(), EntrySource.PAYROLL_RUN,
                "payroll-run:" + finalized.payRunId(), false, lines));
        return true;
    }

    private void openIfMissing(java.util.UUID client, Account account) {
        if (chart.openIfMissing(client, account, clock.instant())) {
            audit.record(client, "ledger.account-opened", "account", account.code(), null, account);
        }
    }
}
