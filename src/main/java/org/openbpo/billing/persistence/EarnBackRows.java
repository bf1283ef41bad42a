package org.openbpo.billing.persistence;

import org.openbpo.billing.EarnBack;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Earn-backs of earlier service credits, and what the credits of a window took off the invoices. */
@Repository
public class EarnBackRows {

    private final JdbcClient jdbc;

    EarnBackRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean insert(EarnBack earnBack) {
        return jdbc.sql("""
                        insert into billing.earn_back (client_id, id, period, credit_period, service_line, percent, reason, source_key,
                            granted_at, granted_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (client_id, source_key) do nothing""")
                .params(earnBack.clientId(), earnBack.id(), Date.valueOf(earnBack.period()), Date.valueOf(earnBack.creditPeriod()),
                        earnBack.serviceLine(), earnBack.percent(), earnBack.reason(), earnBack.sourceKey(),
                        Timestamp.from(earnBack.grantedAt()), earnBack.grantedBy())
                .update() == 1;
    }

    public Optional<EarnBack> bySource(UUID clientId, String sourceKey) {
        return jdbc.sql("select * from billing.earn_back where client_id = ? and source_key = ?")
                .params(clientId, sourceKey).query(EarnBackRows::earnBack).optional();
    }

    /** Earn-backs an invoice of {@code period} carries: of that month or earlier, not carried by another invoice. */
    public List<EarnBack> owed(List<UUID> clientIds, LocalDate period, List<UUID> draftIds) {
        return jdbc.sql("""
                        select * from billing.earn_back where client_id = any (?) and period <= ?
                           and (invoice_id is null or invoice_id = any (?))
                         order by client_id, period, credit_period, service_line, granted_at, id""")
                .params(clientIds.toArray(UUID[]::new), Date.valueOf(period), draftIds.toArray(UUID[]::new))
                .query(EarnBackRows::earnBack).list();
    }

    public List<EarnBack> of(UUID clientId, LocalDate from, LocalDate to) {
        return jdbc.sql("select * from billing.earn_back where client_id = ? and period between ? and ? order by period, granted_at, id")
                .params(clientId, Date.valueOf(from), Date.valueOf(to)).query(EarnBackRows::earnBack).list();
    }

    /**
     * What the service credits of a service line for the months {@code from}–{@code to} took off
     * frozen invoices (in review or issued), as a positive amount.
     */
    public BigDecimal creditedOff(UUID clientId, String serviceLine, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select coalesce(-sum(l.amount), 0) from billing.service_credit c
                          join billing.invoice_line l on l.client_id = c.client_id and l.kind = 'SERVICE_CREDIT' and l.reference = c.id
                          join billing.invoice i on i.client_id = l.client_id and i.id = l.invoice_id and i.status <> 'DRAFT'
                         where c.client_id = ? and c.service_line = ? and c.period between ? and ? and c.invoice_id = i.id""")
                .params(clientId, serviceLine, Date.valueOf(from), Date.valueOf(to)).query(BigDecimal.class).single();
    }

    /** What earn-backs of credits of those months have already given back on frozen invoices. */
    public BigDecimal givenBack(UUID clientId, String serviceLine, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select coalesce(sum(l.amount), 0) from billing.earn_back e
                          join billing.invoice_line l on l.client_id = e.client_id and l.kind = 'EARN_BACK' and l.reference = e.id
                          join billing.invoice i on i.client_id = l.client_id and i.id = l.invoice_id and i.status <> 'DRAFT'
                         where e.client_id = ? and e.service_line = ? and e.credit_period between ? and ? and e.invoice_id = i.id""")
                .params(clientId, serviceLine, Date.valueOf(from), Date.valueOf(to)).query(BigDecimal.class).single();
    }

    public void carriedBy(UUID clientId, UUID earnBackId, UUID invoiceId) {
        jdbc.sql("update billing.earn_back set invoice_id = ? where client_id = ? and id = ?").params(invoiceId, clientId, earnBackId).update();
    }

    public void release(UUID clientId, UUID invoiceId) {
        jdbc.sql("update billing.earn_back set invoice_id = null where client_id = ? and invoice_id = ?").params(clientId, invoiceId).update();
    }

    static EarnBack earnBack(ResultSet rs, int row) throws SQLException {
        return new EarnBack(rs.getObject("client_id", UUID.class), rs.getObject("id", UUID.class), rs.getDate("period").toLocalDate(),
                rs.getDate("credit_period").toLocalDate(), rs.getString("service_line"), PlanRows.plain(rs.getBigDecimal("percent")),
                rs.getString("reason"), rs.getString("source_key"), rs.getObject("invoice_id", UUID.class),
                rs.getTimestamp("granted_at").toInstant(), rs.getString("granted_by"));
    }
}
