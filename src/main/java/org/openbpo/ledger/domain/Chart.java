package org.openbpo.ledger.domain;

import org.openbpo.ledger.Account;
import org.openbpo.ledger.Book;
import org.openbpo.ledger.DimensionKind;

import java.util.Optional;

/** What the posting rules need to know of a client's chart of accounts and dimensions. */
public interface Chart {

    Book book();

    Optional<Account> account(String code);

    boolean hasDimension(DimensionKind kind, String code);
}
