package org.openbpo.ledger;

import org.openbpo.audit.AuditTrail;
import org.openbpo.ledger.domain.Chart;
import org.openbpo.ledger.domain.JournalParser;
import org.openbpo.ledger.domain.JournalText;
import org.openbpo.ledger.domain.LedgerKeys;
import org.openbpo.ledger.domain.Posting;
import org.openbpo.ledger.domain.PostingRules;
import org.openbpo.ledger.persistence.BulkPostings;
import org.openbpo.ledger.persistence.EntryRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.Clients;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.io.Writer;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client's books as a plain-text journal for ledger-cli and hledger, and journals read back in:
 * parsed, checked like any posting, and posted in bulk with source IMPORT. An entry whose key
 * (its {@code key} tag, or a digest of its text) the client already has is left alone, so
 * importing the same journal twice posts nothing the second time.
 */
@Service
public class JournalFiles {

    private final EntryRows entries;
    private final BulkPostings bulk;
    private final Books books;
    private final ExchangeRates rates;
    private final Clients clients;
    private final AuditTrail audit;
    private final Periods periods;
    private final Clock clock;

    JournalFiles(EntryRows entries, BulkPostings bulk, Books books, ExchangeRates rates, Clients clients,
                 AuditTrail audit, Periods periods, Clock clock) {
        this.periods = periods;
        this.entries = entries;
        this.bulk = bulk;
        this.books = books;
        this.rates = rates;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public void export(UUID client, Writer out) {
        Book book = books.book(client);
        String functional = book.functionalCurrency().getCurrencyCode();
        JournalText journal = new JournalText(out, books.accounts(client));
        journal.preamble(clients.get(client).name(), functional);
        long[] current = {-1};
        entries.everyLine(client, line -> {
            if (line.entryId() != current[0]) {
                current[0] = line.entryId();
                journal.entry(line.entryId(), line.date().toString(), line.description(), line.source(),
                        line.idempotencyKey(), line.reverses());
            }
            journal.posting(line.account(), line.currency(), line.amount(), line.functionalAmount(), functional,
                    line.costCentre(), line.project(), line.memo());
        });
    }

    @Transactional
    public ImportResult importJournal(UUID client, String text, boolean openMissingAccounts) {
        Chart chart = books.chart(client);
        JournalParser.Journal journal = JournalParser.parse(text);
        ImportedAccounts accounts = new ImportedAccounts(books, client, openMissingAccounts);
        int quoted = 0;
        for (JournalParser.Price price : journal.prices()) {
            at(price.line(), () -> rates.quote(client, new ExchangeRate(price.from().getCurrencyCode(),
                    price.to().getCurrencyCode(), price.day(), price.rate())));
            quoted++;
        }
        List<String> ledgerKeys = journal.transactions().stream().map(ImportedEntries::keyTag)
                .filter(key -> key != null && LedgerKeys.isLedgers(key)).toList();
        ImportedEntries imported = new ImportedEntries(accounts, chart.book().functionalCurrency(),
                entries.keysHeld(client, ledgerKeys));
        List<Posting> postings = new ArrayList<>();
        PostingRules rules = new PostingRules(books.chart(client), rates.of(client), chart.book().functionalCurrency());
        for (JournalParser.Transaction transaction : journal.transactions()) {
            PostEntry entry = at(transaction.line(), () -> imported.entry(transaction));
            Posting posting = at(transaction.line(), () -> rules.check(entry, entry.idempotencyKey(), null));
            at(transaction.line(), () -> {
                periods.requireOpen(client, posting.date(), posting.adjusting());
                return posting;
            });
            postings.add(posting);
        }
        BulkPostings.Outcome outcome;
        try {
            outcome = bulk.post(client, postings.iterator(), clock.instant(), Books.actor());
        } catch (DataAccessException refused) {
            throw closedMeanwhile(refused, journal.transactions());
        }
        ImportResult result = new ImportResult(postings.size(), outcome.posted(), outcome.alreadyPresent(),
                accounts.opened(), quoted);
        audit.record(client, "ledger.journal-imported", "book", client, null, result);
        return result;
    }

    /**
     * A month closed by another request while the import was being written: the database refuses the
     * statement (LP001, naming the entry's date). Answered with the first line dated that day.
     */
    private static RuntimeException closedMeanwhile(DataAccessException refused, List<JournalParser.Transaction> transactions) {
        Throwable cause = refused.getMostSpecificCause();
        if (!(cause instanceof SQLException sql) || !"LP001".equals(sql.getSQLState())) {
            return refused;
        }
        String message = cause.getMessage().lines().findFirst().orElse("");
        Matcher date = Pattern.compile("\\d{4}-\\d{2}-\\d{2}").matcher(message);
        String day = date.find() ? date.group() : "";
        String line = transactions.stream().filter(t -> t.date().toString().equals(day)).findFirst()
                .map(t -> "Line " + t.line() + ": ").orElse("");
        return new BusinessRuleViolation(422, "period-closed", "journal", line + "the database refused the entry ("
                + message.replaceFirst("^ERROR: ", "") + "): the period was closed while the journal was imported. Nothing was imported.");
    }

    /** Names the journal line a refusal comes from. */
    private static <T> T at(int line, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (BusinessRuleViolation refused) {
            if ("journal".equals(refused.field())) {
                throw refused;
            }
            throw new BusinessRuleViolation(refused.status(), refused.code(), "journal",
                    "Line " + line + ": " + refused.getMessage());
        }
    }
}
