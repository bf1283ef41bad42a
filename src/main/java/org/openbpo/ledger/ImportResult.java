package org.openbpo.ledger;

/** What an imported journal did: entries read, posted, already there (same key), accounts opened, rates quoted. */
public record ImportResult(int entriesRead, long entriesPosted, long entriesAlreadyPresent, int accountsOpened,
                           int ratesQuoted) {
}
