package org.openbpo.ledger;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.YearMonth;

/** One month of a client's books and whether it still takes postings. */
public record Period(YearMonth month, PeriodStatus status, @Nullable Instant changedAt, @Nullable String changedBy) {
}
