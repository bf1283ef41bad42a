package org.openbpo.ledger;

import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/** A client's books: opened from a chart template, kept in one functional currency. */
public record Book(UUID clientId, Currency functionalCurrency, String template, Instant openedAt) {
}
