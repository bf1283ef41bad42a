package org.openbpo.ledger.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.GeneralLedger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Balances read from the running-balance table, and general-ledger lines read by account. */
@Repository
public class BalanceRows {

    /** An account's balance in one currency: minor units of it, and of the functional currency. */
    public record AccountBalance(String account, String currency, long amount, long functionalAmount) {
    }

    private final JdbcClient jdbc;

    BalanceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Movements on days from {@code from} to {@code to}, both included, per account and currency. */
    public List<AccountBalance> movements(UUID client, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select account_code, currency, sum(amount) as amount, sum(functional_amount) as functional
                          from ledger.balance
                         where client_id = ? and day between ? and ?
                         group by account_code, currency
                         order by account_code, currency""")
                .params(client, from, to)
                .query((rs, n) -> new AccountBalance(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** The first day anything moved in a currency other than the given one (the functional). */
    public java.util.Optional<LocalDate> firstDayIn(UUID client, String otherThan) {
        return jdbc.sql("select day from ledger.balance where client_id = ? and currency <> ? order by day limit 1")
                .params(client, otherThan).query(LocalDate.class).optional();
    }

    /** One account's balance per currency over days from {@code from} to {@code to}. */
    public List<AccountBalance> movements(UUID client, String account, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select account_code, currency, sum(amount) as amount, sum(functional_amount) as functional
                          from ledger.balance
                         where client_id = ? and account_code = ? and day between ? and ?
                         group by account_code, currency
                         order by currency""")
                .params(client, account, from, to)
                .query((rs, n) -> new AccountBalance(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** Folds the per-connection slots of days before {@code before} into one row per day. */
    public int compact(UUID client, LocalDate before) {
        return jdbc.sql("select ledger.compact_balances(?, ?)").params(client, before).query(Integer.class).single();
    }

    /**
     * One page of an account's lines dated between two days, each with the running balance of its
     * currency since {@code from}, after the cursor (date, entry, line).
     */
    public List<GeneralLedger.Line> lines(UUID client, String account, LocalDate from, LocalDate to,
                                          @Nullable LocalDate afterDate, long afterEntry, int afterLine, int limit) {
        return jdbc.sql("""
                        select * from (
                            select l.entry_date, l.entry_id, l.line_no, e.description, e.source, l.currency, l.amount,
                                   l.functional_amount, l.cost_centre, l.project, l.memo,
                                   sum(l.amount) over w as running, sum(l.functional_amount) over w as running_functional
                              from ledger.line l
                              join ledger.entry e on e.client_id = l.client_id and e.id = l.entry_id
                             where l.client_id = ? and l.account_code = ? and l.entry_date between ? and ?
                            window w as (partition by l.currency order by l.entry_date, l.entry_id, l.line_no)
                        ) lines
                         where (entry_date, entry_id, line_no) > (?, ?, ?)
                         order by entry_date, entry_id, line_no
                         limit ?""")
                .params(client, account, from, to, afterDate == null ? LocalDate.of(1, 1, 1) : afterDate, afterEntry,
                        afterLine, limit)
                .query((rs, n) -> new GeneralLedger.Line(rs.getObject("entry_date", LocalDate.class), rs.getLong("entry_id"),
                        rs.getInt("line_no"), rs.getString("description"), rs.getString("source"), rs.getString("currency"),
                        Math.max(rs.getLong("amount"), 0), Math.max(-rs.getLong("amount"), 0), rs.getLong("functional_amount"),
                        rs.getLong("running"), rs.getLong("running_functional"), rs.getString("cost_centre"),
                        rs.getString("project"), rs.getString("memo")))
                .list();
    }
}
