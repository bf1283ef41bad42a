package org.openbpo.ledger;

import java.time.LocalDate;

/**
 * Assets, liabilities and equity at the end of a day. Income and expenses not yet closed into
 * retained earnings show as current earnings within equity, so assets equal liabilities plus equity.
 */
public record BalanceSheet(LocalDate asOf, String currency, Statement assets, Statement liabilities, Statement equity,
                           long currentEarnings, long liabilitiesAndEquity) {
}
