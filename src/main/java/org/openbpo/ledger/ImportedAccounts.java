package org.openbpo.ledger;

import org.openbpo.shared.error.BusinessRuleViolation;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Finds the account a journal's account name means: the code that starts its last segment
 * (as exported), or an account of that name. Unknown accounts are refused, or opened when the
 * import is told to, typed by the name's first segment (Assets, Liabilities, Equity, Income or
 * Revenue, Expenses).
 */
final class ImportedAccounts {

    private static final Map<String, AccountType> ROOTS = Map.of("assets", AccountType.ASSET, "asset", AccountType.ASSET,
            "liabilities", AccountType.LIABILITY, "liability", AccountType.LIABILITY, "equity", AccountType.EQUITY,
            "income", AccountType.INCOME, "revenue", AccountType.INCOME, "revenues", AccountType.INCOME,
            "expenses", AccountType.EXPENSE, "expense", AccountType.EXPENSE);

    private final Books books;
    private final UUID client;
    private final boolean openMissing;
    private final Map<String, String> codes = new HashMap<>();
    private final Map<String, String> byName = new HashMap<>();
    private int opened;

    ImportedAccounts(Books books, UUID client, boolean openMissing) {
        this.books = books;
        this.client = client;
        this.openMissing = openMissing;
        books.accounts(client).forEach(account -> {
            codes.put(account.code(), account.code());
            byName.put(account.name().toLowerCase(Locale.ROOT), account.code());
        });
    }

    String code(String journalName, int line) {
        String[] segments = journalName.split(":");
        String last = segments[segments.length - 1].strip();
        String firstWord = last.split(" ", 2)[0];
        if (codes.containsKey(firstWord)) {
            return firstWord;
        }
        String named = byName.get(last.toLowerCase(Locale.ROOT));
        if (named != null) {
            return named;
        }
        String generated = journalName.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "-").replaceAll("^-|-$", "");
        if (codes.containsKey(generated)) {
            return generated;
        }
        if (!openMissing) {
            throw new BusinessRuleViolation(422, "unknown-account", "journal", "Line " + line + ": there is no account " + journalName
                    + " in this client's chart (import with openMissingAccounts to open it).");
        }
        AccountType type = ROOTS.get(segments[0].strip().toLowerCase(Locale.ROOT));
        if (type == null || generated.length() > 32 || generated.isEmpty()) {
            throw BusinessRuleViolation.invalid("journal", "Line " + line + ": cannot open an account for " + journalName
                    + ": start its name with Assets, Liabilities, Equity, Income or Expenses, and keep it short.");
        }
        books.add(client, new OpenAccount(generated, journalName, type, null, false));
        codes.put(generated, generated);
        opened++;
        return generated;
    }

    int opened() {
        return opened;
    }
}
