package org.openbpo.ledger;

import java.time.LocalDate;

/** Income and expenses between two days, both included, and what is left: the net income. */
public record IncomeStatement(LocalDate from, LocalDate to, String currency, Statement income, Statement expenses,
                              long netIncome) {
}
