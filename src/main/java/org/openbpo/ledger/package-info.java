/**
 * Each client's books: chart of accounts, journal entries that balance per currency (checked by
 * the database at commit), monthly periods, exchange rates and revaluation, reports as of any
 * date, and journals in the plain-text format ledger-cli and hledger read.
 */
@org.jspecify.annotations.NullMarked
package org.openbpo.ledger;
