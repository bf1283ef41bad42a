package org.openbpo.payables.persistence;

import org.openbpo.payables.Aging;
import org.openbpo.payables.CashForecast;
import org.openbpo.payables.domain.MinorUnits;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Aging and cash requirement, summed by the database. */
@Repository("payablesReportRows")
public class ReportRows {

    private final JdbcClient jdbc;

    ReportRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Invoices dated by the day and not paid by it (a run paying later does not count), not rejected,
     * in buckets of days past due; with vendor rows (grouping set 1) and currency totals (grouping set 2).
     */
    public List<Aging.Row> aging(UUID client, LocalDate asOf) {
        return jdbc.sql("""
                        with open as (
                            select i.currency, v.code, v.name, i.amount_minor, (?::date - i.due_date) as late
                              from payables.invoice i
                              join payables.vendor v on v.client_id = i.client_id and v.id = i.vendor_id
                              left join payables.payment p on p.client_id = i.client_id and p.invoice_id = i.id
                              left join payables.payment_run r on r.client_id = p.client_id and r.id = p.run_id
                             where i.client_id = ? and i.status <> 'REJECTED' and i.invoice_date <= ?
                               and (r.id is null or r.paid_on > ?))
                        select currency, code, name, count(*) as invoices,
                               coalesce(sum(amount_minor) filter (where late <= 0), 0) as current,
                               coalesce(sum(amount_minor) filter (where late between 1 and 30), 0) as d30,
                               coalesce(sum(amount_minor) filter (where late between 31 and 60), 0) as d60,
                               coalesce(sum(amount_minor) filter (where late between 61 and 90), 0) as d90,
                               coalesce(sum(amount_minor) filter (where late > 90), 0) as over90,
                               sum(amount_minor) as total
                          from open
                         group by grouping sets ((currency, code, name), (currency))
                         order by currency, code nulls last""")
                .params(asOf, client, asOf, asOf)
                .query(ReportRows::agingRow).list();
    }

    private static Aging.Row agingRow(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency");
        return new Aging.Row(rs.getString("code"), rs.getString("name"), currency, rs.getInt("invoices"),
                MinorUnits.decimal(rs.getLong("current"), currency), MinorUnits.decimal(rs.getLong("d30"), currency),
                MinorUnits.decimal(rs.getLong("d60"), currency), MinorUnits.decimal(rs.getLong("d90"), currency),
                MinorUnits.decimal(rs.getLong("over90"), currency), MinorUnits.decimal(rs.getLong("total"), currency));
    }

    public List<CashForecast.Week> forecast(UUID client, LocalDate from, LocalDate until) {
        return jdbc.sql("""
                        with open as (
                            select currency, amount_minor, discount_minor, discount_date, greatest(due_date, ?::date) as due
                              from payables.invoice
                             where client_id = ? and status in ('EXCEPTION', 'AWAITING_APPROVAL', 'APPROVED', 'PROPOSED')),
                        due as (
                            select currency, date_trunc('week', due)::date as week, amount_minor as due_minor, 0::bigint as discounted_minor,
                                   1 as invoices
                              from open where due < ?
                            union all
                            select currency,
                                   date_trunc('week', case when discount_minor > 0 and discount_date >= ? then discount_date else due end)::date,
                                   0, amount_minor - case when discount_minor > 0 and discount_date >= ? then discount_minor else 0 end, 0
                              from open
                             where (case when discount_minor > 0 and discount_date >= ? then discount_date else due end) < ?)
                        select week, currency, sum(invoices) as invoices, sum(due_minor) as due, sum(discounted_minor) as discounted
                          from due group by week, currency order by week, currency""")
                .params(from, client, until, from, from, from, until)
                .query((rs, n) -> {
                    String currency = rs.getString("currency");
                    return new CashForecast.Week(rs.getObject("week", LocalDate.class), currency, rs.getInt("invoices"),
                            MinorUnits.decimal(rs.getLong("due"), currency), MinorUnits.decimal(rs.getLong("discounted"), currency));
                }).list();
    }
}
