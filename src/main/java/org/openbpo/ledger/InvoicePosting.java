package org.openbpo.ledger;

import org.openbpo.audit.AuditTrail;
import org.openbpo.billing.InvoiceIssued;
import org.openbpo.billing.InvoiceKind;
import org.openbpo.billing.InvoicesIssued;
import org.openbpo.billing.LineKind;
import org.openbpo.ledger.persistence.ChartRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Posts every issued client invoice and credit note to the provider's own books (the house), as
 * receivables: the total to the client's receivable account ({@code AR-<client code>}), each line to
 * revenue of its service line ({@code REV-<service line>}) or, for service credits and their
 * earn-backs, to the service line's contra-revenue ({@code CRD-<service line>}), and the tax to tax
 * payable. A credit note's negative amounts post the other way round, so it reverses what it corrects.
 * Accounts are opened under the chart's headings the first time they are needed.
 *
 * <p>The event stays in the publication registry until this has committed, so a crash redelivers it;
 * the entry's idempotency key ({@code billing-invoice:<id>}) makes a redelivery post nothing. Without a
 * house book there is nothing to post to (logged); when the house's books refuse the entry (a closed
 * month, a currency without a rate) the failure is logged and the event stays incomplete, to be
 * delivered again when the application restarts.
 */
@Service
public class InvoicePosting {

    private static final Logger LOG = LoggerFactory.getLogger(InvoicePosting.class);

    /** Where each chart keeps receivables, revenue and sales tax. */
    record Headings(String receivables, String revenue, String taxPayable) {
        static Optional<Headings> of(String template) {
            return switch (template) {
                case "US_GAAP" -> Optional.of(new Headings("1000", "4000", "2300"));
                case "IFRS" -> Optional.of(new Headings("2000", "6000", "5400"));
                default -> Optional.empty();
            };
        }
    }

    private final HouseBook house;
    private final Books books;
    private final Journal journal;
    private final Clients clients;
    private final ChartRows chart;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    InvoicePosting(HouseBook house, Books books, Journal journal, Clients clients, ChartRows chart, AuditTrail audit, Clock clock,
                   TransactionTemplate transactions) {
        this.house = house;
        this.chart = chart;
        this.audit = audit;
        this.clock = clock;
        this.clients = clients;
        this.books = books;
        this.journal = journal;
        this.transactions = transactions;
    }

    @Async
    @TransactionalEventListener
    public void on(InvoiceIssued issued) {
        postAll(List.of(issued));
    }

    @Async
    @TransactionalEventListener
    public void on(InvoicesIssued issued) {
        postAll(issued.invoices());
    }

    /**
     * Posts each document in its own transaction; one the books refuse does not hold up the others,
     * but the first refusal is thrown at the end so the event stays incomplete and comes again. The
     * accounts the documents need are opened first, together, so the chart is read once per batch.
     */
    private void postAll(List<InvoiceIssued> documents) {
        Optional<UUID> found = house.house();
        if (found.isEmpty()) {
            LOG.info("{} document(s) issued ({} …); no house book is designated, so they are not posted to the provider's receivables",
                    documents.size(), documents.isEmpty() ? "" : documents.getFirst().number());
            return;
        }
        UUID houseId = found.get();
        Set<UUID> scope = new HashSet<>();
        scope.add(houseId);
        documents.forEach(d -> scope.add(d.clientId()));
        // the house alone would not see the clients' names and codes: the scope is the house and these clients
        TenantScope.run(AllowedClients.only(scope), () -> {
            Book book = transactions.execute(tx -> books.book(houseId));
            Headings headings = Headings.of(book.template()).orElseThrow(() -> new IllegalStateException(
                    "The house book's chart " + book.template() + " has no receivables headings known to billing postings"));
            Map<UUID, Client> clientsById = transactions.execute(tx -> {
                Map<UUID, Client> byId = new HashMap<>();
                documents.forEach(d -> byId.computeIfAbsent(d.clientId(), clients::get));
                return byId;
            });
            Map<String, Account> needed = new LinkedHashMap<>();
            for (InvoiceIssued issued : documents) {
                Client client = clientsById.get(issued.clientId());
                needed.putIfAbsent(code("AR-", client.code()), account(code("AR-", client.code()),
                        "Receivable from " + client.legalEntity(), AccountType.ASSET, headings.receivables()));
                for (InvoiceIssued.Line line : issued.lines()) {
                    boolean contra = contra(line);
                    String code = code(contra ? "CRD-" : "REV-", line.serviceLine());
                    needed.putIfAbsent(code, account(code, (contra ? "Service credits on " : "Revenue from ") + line.serviceLine(),
                            AccountType.INCOME, headings.revenue()));
                }
            }
            openMissing(houseId, needed);
            BusinessRuleViolation firstRefusal = null;
            for (InvoiceIssued issued : documents) {
                try {
                    post(houseId, issued, clientsById.get(issued.clientId()), headings);
                } catch (BusinessRuleViolation refused) {
                    LOG.warn("The house book refused {} {}: {}; it is posted when the event is delivered again", issued.kind(),
                            issued.number(), refused.getMessage());
                    firstRefusal = firstRefusal == null ? refused : firstRefusal;
                }
            }
            if (firstRefusal != null) {
                throw firstRefusal;
            }
        });
    }

    /** Posts the document in one transaction; returns the entry (the first one when it was posted already), empty when it moves nothing. */
    Optional<Posted> post(UUID houseId, InvoiceIssued issued, Client client, Headings headings) {
        Currency currency = Currency.getInstance(issued.currency());
        Map<String, Long> byAccount = new LinkedHashMap<>();
        byAccount.merge(code("AR-", client.code()), minor(issued.total(), currency), Long::sum);
        for (InvoiceIssued.Line line : issued.lines()) {
            byAccount.merge(code(contra(line) ? "CRD-" : "REV-", line.serviceLine()), -minor(line.amount(), currency), Long::sum);
        }
        byAccount.merge(headings.taxPayable(), -minor(issued.tax(), currency), Long::sum);
        List<PostEntry.Line> lines = new ArrayList<>();
        byAccount.forEach((account, signed) -> {
            if (signed != 0) {
                PostEntry.Line line = signed > 0 ? PostEntry.Line.debit(account, signed, currency.getCurrencyCode())
                        : PostEntry.Line.credit(account, -signed, currency.getCurrencyCode());
                lines.add(new PostEntry.Line(line.account(), line.debit(), line.credit(), line.currency(), null, null, null,
                        issued.number()));
            }
        });
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        boolean note = issued.kind() == InvoiceKind.CREDIT_NOTE;
        PostEntry entry = new PostEntry(issued.issuedOn(), (note ? "Credit note " : "Invoice ") + issued.number() + " to "
                + client.legalEntity() + " for " + issued.period().getYear() + "-" + String.format("%02d", issued.period().getMonthValue()),
                note ? EntrySource.CREDIT_NOTE : EntrySource.CLIENT_INVOICE, "billing-invoice:" + issued.invoiceId(), false, lines);
        return Optional.ofNullable(transactions.execute(tx -> journal.post(houseId, entry)));
    }

    private static boolean contra(InvoiceIssued.Line line) {
        return line.kind() == LineKind.SERVICE_CREDIT || line.kind() == LineKind.EARN_BACK;
    }

    private static Account account(String code, String name, AccountType type, String heading) {
        return new Account(code, name.length() > 200 ? name.substring(0, 200) : name, type, heading, false, null);
    }

    /**
     * Opens the accounts the house's chart lacks, together, in their own transaction (audited once).
     * Another node opening some of them at the same time is fine: then they are opened one by one.
     */
    private void openMissing(UUID houseId, Map<String, Account> needed) {
        Set<String> known = new HashSet<>();
        transactions.execute(tx -> books.accounts(houseId)).forEach(a -> known.add(a.code()));
        List<Account> missing = needed.values().stream().filter(a -> !known.contains(a.code())).toList();
        if (missing.isEmpty()) {
            return;
        }
        TransactionTemplate own = new TransactionTemplate(transactions.getTransactionManager());
        own.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
        try {
            own.executeWithoutResult(tx -> {
                chart.insertAccounts(houseId, missing, clock.instant());
                audit.record(houseId, "ledger.accounts-opened", "account", "receivables", null,
                        Map.of("accounts", missing.stream().map(Account::code).toList(), "by", "billing postings"));
            });
        } catch (DuplicateKeyException openedMeanwhile) {
            for (Account account : missing) {
                try {
                    own.executeWithoutResult(tx -> books.add(houseId, new OpenAccount(account.code(), account.name(), account.type(),
                            account.parent(), false)));
                } catch (DuplicateKeyException | BusinessRuleViolation alreadyThere) {
                    // opened by the other node
                }
            }
        }
    }

    /** An account code from a prefix and a name: kept whole when it fits, else shortened with a hash of the whole. */
    static String code(String prefix, String name) {
        String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "-");
        if (prefix.length() + cleaned.length() <= 32) {
            return prefix + cleaned;
        }
        String hash = String.format(Locale.ROOT, "%08x", name.hashCode());
        return prefix + cleaned.substring(0, 32 - prefix.length() - 9) + "-" + hash;
    }

    private static long minor(BigDecimal amount, Currency currency) {
        return amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY).movePointRight(
                currency.getDefaultFractionDigits()).longValueExact();
    }
}
