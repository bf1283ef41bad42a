package org.openbpo.ledger.persistence;

import org.openbpo.ledger.ExchangeRate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Exchange rates per client and day. */
@Repository
public class RateRows {

    private final JdbcClient jdbc;

    RateRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Quotes the rate of a pair for a day, replacing that day's quote; returns the quote it replaced.
     * The old quote is read in the same statement, locked, so two replacements at once each see the
     * rate the other left (PostgreSQL reads the locked row again once the other commits).
     */
    public Optional<BigDecimal> put(UUID client, ExchangeRate rate) {
        return jdbc.sql("""
                        with replaced as (
                            select rate from ledger.exchange_rate
                             where client_id = ? and from_currency = ? and to_currency = ? and day = ?
                               for update
                        ), quoted as (
                            insert into ledger.exchange_rate (client_id, from_currency, to_currency, day, rate) values (?, ?, ?, ?, ?)
                            on conflict (client_id, from_currency, to_currency, day) do update set rate = excluded.rate
                        )
                        select rate from replaced""")
                .params(client, rate.from(), rate.to(), rate.day(), client, rate.from(), rate.to(), rate.day(), rate.rate())
                .query(BigDecimal.class).optional();
    }

    public Optional<BigDecimal> on(UUID client, LocalDate day, Currency from, Currency to) {
        return jdbc.sql("""
                        select rate from ledger.exchange_rate
                         where client_id = ? and from_currency = ? and to_currency = ? and day <= ?
                         order by day desc limit 1""")
                .params(client, from.getCurrencyCode(), to.getCurrencyCode(), day)
                .query(BigDecimal.class).optional();
    }

    public List<ExchangeRate> between(UUID client, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select * from ledger.exchange_rate where client_id = ? and day between ? and ?
                         order by day, from_currency, to_currency""")
                .params(client, from, to)
                .query((rs, n) -> new ExchangeRate(rs.getString("from_currency"), rs.getString("to_currency"),
                        rs.getObject("day", LocalDate.class), rs.getBigDecimal("rate").stripTrailingZeros()))
                .list();
    }
}
