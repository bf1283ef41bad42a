package org.openbpo.ledger.domain;

import java.util.List;

/**
 * The idempotency keys the ledger gives the entries it makes itself: reversals, revaluations, the
 * postings of payroll, payables and billing, and imported entries without a key of their own. They
 * share one space per client with the keys users send, so a user's key may not take their form:
 * an entry posted as {@code reversal:42} would otherwise stand in for entry 42's reversal forever.
 */
public final class LedgerKeys {

    /** The prefix of the keys of imported entries. */
    public static final String IMPORT = "import:";

    private static final List<String> PREFIXES = List.of("reversal:", "revaluation:", "payroll-run:",
            "payables-invoice-", "payables-payment-", "billing-invoice:", IMPORT);

    private LedgerKeys() {
    }

    /**
     * The key of the revaluation at the end of a day, after {@code reversed} revaluations of that day were
     * reversed: each reversal frees the day for one more revaluation, and a retry of that one finds it.
     */
    public static String revaluation(java.time.LocalDate day, int reversed) {
        return reversed == 0 ? "revaluation:" + day : "revaluation:" + day + "/" + (reversed + 1);
    }

    public static boolean isLedgers(String key) {
        return PREFIXES.stream().anyMatch(key::startsWith);
    }
}
