package org.openbpo.ledger;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * General-ledger detail of one account between two days: its opening balance per currency, the
 * lines with their running balance (opening included), and its closing balance per currency.
 */
public record GeneralLedger(Account account, LocalDate from, LocalDate to, List<Balance> opening, List<Line> lines,
                            List<Balance> closing, @Nullable String nextCursor) {

    /** Signed minor units: debit positive. */
    public record Balance(String currency, long amount, long functionalAmount) {
    }

    public record Line(LocalDate date, long entryId, int lineNo, String description, String source, String currency,
                       long debit, long credit, long functionalAmount, long balance, long functionalBalance,
                       @Nullable String costCentre, @Nullable String project, @Nullable String memo) {

        Line plus(long opening, long openingFunctional) {
            return new Line(date, entryId, lineNo, description, source, currency, debit, credit, functionalAmount,
                    balance + opening, functionalBalance + openingFunctional, costCentre, project, memo);
        }
    }
}
