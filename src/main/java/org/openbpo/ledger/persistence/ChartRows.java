package org.openbpo.ledger.persistence;

import org.openbpo.ledger.Account;
import org.openbpo.ledger.AccountPurpose;
import org.openbpo.ledger.AccountType;
import org.openbpo.ledger.Book;
import org.openbpo.ledger.Dimension;
import org.openbpo.ledger.DimensionKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Books, accounts and dimensions of each client. */
@Repository
public class ChartRows {

    private static final RowMapper<Account> ACCOUNT = (rs, n) -> new Account(rs.getString("code"), rs.getString("name"),
            AccountType.valueOf(rs.getString("type")), rs.getString("parent_code"), rs.getBoolean("heading"),
            rs.getString("purpose") == null ? null : AccountPurpose.valueOf(rs.getString("purpose")));

    private final JdbcClient jdbc;

    ChartRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean openBook(Book book, String by) {
        return jdbc.sql("""
                        insert into ledger.book (client_id, functional_currency, template, opened_at, opened_by)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(book.clientId(), book.functionalCurrency().getCurrencyCode(), book.template(),
                        Timestamp.from(book.openedAt()), by)
                .update() == 1;
    }

    public Optional<Book> book(UUID client) {
        return jdbc.sql("select * from ledger.book where client_id = ?").param(client)
                .query((rs, n) -> new Book(client, Currency.getInstance(rs.getString("functional_currency")),
                        rs.getString("template"), rs.getTimestamp("opened_at").toInstant()))
                .optional();
    }

    public List<UUID> clientsWithBooks() {
        return jdbc.sql("select client_id from ledger.book order by client_id").query(UUID.class).list();
    }

    public void insertAccounts(UUID client, List<Account> accounts, Instant at) {
        for (Account account : accounts) {
            jdbc.sql("""
                            insert into ledger.account (client_id, code, name, type, parent_code, heading, purpose, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(client, account.code(), account.name(), account.type().name(), account.parent(),
                            account.heading(), account.purpose() == null ? null : account.purpose().name(), Timestamp.from(at))
                    .update();
        }
    }

    /** Opens the account unless the chart has one of its code; true if it opened it. */
    public boolean openIfMissing(UUID client, Account account, Instant at) {
        return jdbc.sql("""
                        insert into ledger.account (client_id, code, name, type, parent_code, heading, purpose, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (client_id, code) do nothing""")
                .params(client, account.code(), account.name(), account.type().name(), account.parent(), account.heading(),
                        account.purpose() == null ? null : account.purpose().name(), Timestamp.from(at)).update() == 1;
    }

    public List<Account> accounts(UUID client) {
        return jdbc.sql("select * from ledger.account where client_id = ? order by code").param(client).query(ACCOUNT).list();
    }

    public Optional<Account> account(UUID client, String code) {
        return jdbc.sql("select * from ledger.account where client_id = ? and code = ?").params(client, code)
                .query(ACCOUNT).optional();
    }

    public void renameAccount(UUID client, String code, String name) {
        jdbc.sql("update ledger.account set name = ? where client_id = ? and code = ?").params(name, client, code).update();
    }

    public boolean insertDimension(UUID client, Dimension dimension, Instant at) {
        return jdbc.sql("""
                        insert into ledger.dimension (client_id, kind, code, name, created_at) values (?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(client, dimension.kind().name(), dimension.code(), dimension.name(), Timestamp.from(at))
                .update() == 1;
    }

    public List<Dimension> dimensions(UUID client) {
        return jdbc.sql("select * from ledger.dimension where client_id = ? order by kind, code").param(client)
                .query((rs, n) -> new Dimension(DimensionKind.valueOf(rs.getString("kind")), rs.getString("code"),
                        rs.getString("name")))
                .list();
    }
}
