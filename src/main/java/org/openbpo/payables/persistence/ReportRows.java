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
     * What of each invoice dated by the day was still open on it (amount less what runs paid on or
     * before the day settled: payments, discounts taken, credit notes set against it), not rejected,
     * in buckets of days past due; with vendor rows (grouping set 1) and currency totals (grouping set 2).
     */
    public List<Aging.Row> aging(UUID client, LocalDate asOf) {
        return jdbc.sql("""
                        with settled as (
                            select p.invoice_id, sum(p.amount_minor + p.discount_minor + p.credit_minor) as minor
                              from payables.payment p
                              join payables.payment_run r on r.client_id = p.client_id and r.id = p.run_id
                             where p.client_id = ? and r.paid_on <= ?
                             group by p.invoice_id
                        ), open as (
                            select i.currency, v.code, v.name, i.amount_minor - coalesce(s.minor, 0) as amount_minor,
                                   (?::date - i.due_date) as late
                              from payables.invoice i
                              join payables.vendor v on v.client_id = i.client_id and v.id = i.vendor_id
                              left join settled s on s.invoice_id = i.id
                             where i.client_id = ? and i.status <> 'REJECTED' and i.invoice_date <= ?
                               and i.amount_minor > coalesce(s.minor, 0))
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
                .params(client, asOf, asOf, client, asOf)
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
                            select currency, amount_minor - settled_minor as amount_minor,
                                   case when settled_minor = 0 then discount_minor else 0 end as discount_minor, discount_date,
                                   greatest(due_date, ?::date) as due
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
