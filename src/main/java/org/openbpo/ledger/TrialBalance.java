package org.openbpo.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * Every account's balance at the end of a day, per currency, as a debit or a credit. Per
 * currency the debits equal the credits; so do the functional values of all rows.
 */
public record TrialBalance(LocalDate asOf, String functionalCurrency, List<Row> rows, List<Total> totals,
                           long functionalDebits, long functionalCredits) {

    public record Row(String account, String name, AccountType type, String currency, long debit, long credit,
                      long functionalBalance) {
    }

    public record Total(String currency, long debits, long credits) {
    }
}
