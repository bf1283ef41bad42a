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

    /** The key of the revaluation at the end of a day. */
    public static String revaluation(java.time.LocalDate day) {
        return "revaluation:" + day;
    }

    public static boolean isLedgers(String key) {
        return PREFIXES.stream().anyMatch(key::startsWith);
    }
}
