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

    public void put(UUID client, ExchangeRate rate) {
        jdbc.sql("""
                        insert into ledger.exchange_rate (client_id, from_currency, to_currency, day, rate) values (?, ?, ?, ?, ?)
                        on conflict (client_id, from_currency, to_currency, day) do update set rate = excluded.rate""")
                .params(client, rate.from(), rate.to(), rate.day(), rate.rate())
                .update();
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
