package org.openbpo.ledger.domain;

import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.Account;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes entries as a plain-text journal that ledger-cli and hledger both read: a header line per
 * entry (date, cleared mark, entry id as code, description), its source and idempotency key as
 * tags, and one posting per line with the signed amount and its ISO currency as commodity.
 * Accounts are named by type and path, with codes, e.g. {@code Assets:1000 Current assets:1010 Cash}.
 */
public final class JournalText {

    private final Appendable out;
    private final Map<String, String> names = new HashMap<>();

    public JournalText(Appendable out, Iterable<Account> chart) {
        this.out = out;
        Map<String, Account> byCode = new HashMap<>();
        chart.forEach(account -> byCode.put(account.code(), account));
        for (Account account : byCode.values()) {
            StringBuilder path = new StringBuilder();
            for (Account at = account; at != null; at = at.parent() == null ? null : byCode.get(at.parent())) {
                path.insert(0, ":" + at.code() + " " + clean(at.name()));
            }
            names.put(account.code(), account.type().journalRoot() + path);
        }
    }

    public String accountName(String code) {
        return names.get(code);
    }

    public void preamble(String clientName, String functionalCurrency) {
        write("; Books of " + clean(clientName) + ", exported by OpenBPO. Functional currency " + functionalCurrency
                + ".\n; Each entry balances per commodity; functional values of foreign-currency postings are tagged.\n");
    }

    public void entry(long id, String date, String description, String source, String key, @Nullable Long reverses) {
        write("\n" + date + " * (" + id + ") " + clean(description) + "\n    ; source: " + source + "\n    ; key: "
                + key.replace('\n', ' ') + "\n");
        if (reverses != null) {
            write("    ; reverses: " + reverses + "\n");
        }
    }

    public void posting(String account, String currency, long amount, long functionalAmount, String functionalCurrency,
                        @Nullable String costCentre, @Nullable String project, @Nullable String memo) {
        Currency commodity = Currency.getInstance(currency);
        StringBuilder line = new StringBuilder("    ").append(names.get(account)).append("  ")
                .append(Conversion.decimal(amount, commodity)).append(' ').append(currency);
        if (!currency.equals(functionalCurrency)) {
            line.append("\n      ; functional: ").append(Conversion.decimal(functionalAmount, Currency.getInstance(functionalCurrency)))
                    .append(' ').append(functionalCurrency);
        }
        if (costCentre != null) {
            line.append("\n      ; cost-centre: ").append(costCentre);
        }
        if (project != null) {
            line.append("\n      ; project: ").append(project);
        }
        if (memo != null) {
            line.append("\n      ; memo: ").append(clean(memo));
        }
        write(line.append('\n').toString());
    }

    /** Account names end at two spaces and are split at colons; descriptions end at the line. */
    static String clean(String text) {
        return text.replace(':', '-').replace(';', ',').replaceAll("\\s+", " ").strip();
    }

    private void write(String text) {
        try {
            out.append(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
