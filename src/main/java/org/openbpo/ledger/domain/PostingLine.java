package org.openbpo.ledger.domain;

import org.jspecify.annotations.Nullable;

/** A line ready to post: signed minor units (debit positive) in its currency and in functional value. */
public record PostingLine(String account, String currency, long amount, long functionalAmount,
                          @Nullable String costCentre, @Nullable String project, @Nullable String memo) {

    public PostingLine negated() {
        return new PostingLine(account, currency, Math.negateExact(amount), Math.negateExact(functionalAmount),
                costCentre, project, memo);
    }

    PostingLine withFunctionalAmount(long functional) {
        return new PostingLine(account, currency, amount, functional, costCentre, project, memo);
    }
}
