package org.openbpo.ledger;

import org.jspecify.annotations.Nullable;

/** One account of a client's chart. Headings group accounts and take no postings. */
public record Account(String code, String name, AccountType type, @Nullable String parent, boolean heading,
                      @Nullable AccountPurpose purpose) {
}
