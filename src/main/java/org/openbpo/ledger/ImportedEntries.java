package org.openbpo.ledger;

import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.domain.JournalParser;
import org.openbpo.ledger.domain.LedgerKeys;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Turns a parsed journal transaction into the entry to post, filling in the one posting left without an amount. */
final class ImportedEntries {

    private final ImportedAccounts accounts;
    private final Currency functional;
    private final Map<String, Integer> seen = new HashMap<>();

    private final Set<String> held;

    /** {@code held}: the keys of the ledger's own form in the journal that the client's books already hold. */
    ImportedEntries(ImportedAccounts accounts, Currency functional, Set<String> held) {
        this.accounts = accounts;
        this.functional = functional;
        this.held = held;
    }

    /**
     * The ledger's own keys ({@code reversal:42}, {@code payroll-run:…}) come in with an exported
     * journal. Imported into other books they are kept under the import's prefix, so they stand for no
     * reversal, revaluation or posting of these books; an entry the books already hold under its key
     * (the client's own export coming back) keeps it, and is left alone as already present.
     */
    static String key(String tagged, Set<String> held) {
        return !LedgerKeys.isLedgers(tagged) || tagged.startsWith(LedgerKeys.IMPORT) || held.contains(tagged)
                ? tagged : LedgerKeys.IMPORT + tagged;
    }

    static @Nullable String keyTag(JournalParser.Transaction transaction) {
        String tagged = transaction.tags().get("key");
        return tagged == null || tagged.isBlank() ? null : tagged;
    }

    PostEntry entry(JournalParser.Transaction transaction) {
        List<PostEntry.Line> lines = new ArrayList<>();
        Map<String, Long> sums = new TreeMap<>();
        JournalParser.Posting open = null;
        for (JournalParser.Posting posting : transaction.postings()) {
            if (posting.amount() == null) {
                if (open != null) {
                    throw new BusinessRuleViolation(422, "unbalanced", "journal",
                            "Line " + posting.line() + ": only one posting of a transaction may leave out its amount.");
                }
                open = posting;
                continue;
            }
            long minor = minorUnits(posting.line(), posting.amount());
            sums.merge(posting.amount().currency().getCurrencyCode(), minor, Math::addExact);
            lines.add(line(posting, posting.amount().currency().getCurrencyCode(), minor));
        }
        if (open != null) {
            for (var sum : sums.entrySet()) {
                if (sum.getValue() != 0) {
                    lines.add(line(open, sum.getKey(), -sum.getValue()));
                }
            }
        }
        String tagged = keyTag(transaction);
        String key = tagged == null ? digest(transaction) : key(tagged, held);
        return new PostEntry(transaction.date(), transaction.description(), EntrySource.IMPORT, key, false, lines);
    }

    private PostEntry.Line line(JournalParser.Posting posting, String currency, long minor) {
        String account = accounts.code(posting.account(), posting.line());
        Long functionalAmount = null;
        JournalParser.Amount tagged = posting.functional();
        if (tagged != null) {
            if (!tagged.currency().equals(functional)) {
                // Read in its own currency's minor units, 1000.00 EUR on yen books would become 100,000 yen.
                throw BusinessRuleViolation.invalid("journal", "Line " + posting.line() + ": the functional value is in "
                        + tagged.currency() + ", and these books keep their functional value in " + functional + ".");
            }
            functionalAmount = minorUnits(posting.line(), tagged);
        }
        @Nullable String memo = posting.tags().get("memo");
        return new PostEntry.Line(account, minor >= 0 ? minor : null, minor < 0 ? -minor : null, currency,
                functionalAmount, posting.tags().get("cost-centre"), posting.tags().get("project"), memo);
    }

    private static long minorUnits(int line, JournalParser.Amount amount) {
        try {
            return amount.quantity().movePointRight(Math.max(amount.currency().getDefaultFractionDigits(), 0))
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw new BusinessRuleViolation(422, "invalid-amount", "journal", "Line " + line + ": "
                    + amount.quantity().toPlainString() + " has more decimals than " + amount.currency() + " has.");
        }
    }

    /** The same transaction text gives the same key; a second identical one in the file gets its own. */
    private String digest(JournalParser.Transaction transaction) {
        StringBuilder text = new StringBuilder(transaction.date() + "|" + transaction.description());
        transaction.postings().forEach(p -> text.append('|').append(p.account()).append('=')
                .append(p.amount() == null ? "" : p.amount().quantity().stripTrailingZeros().toPlainString() + p.amount().currency()));
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)), 0, 16);
            int occurrence = seen.merge(hash, 1, Integer::sum);
            return "import:" + hash + (occurrence > 1 ? "#" + occurrence : "");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
