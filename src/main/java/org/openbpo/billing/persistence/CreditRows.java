package org.openbpo.billing.persistence;

import org.openbpo.billing.OneOffFee;
import org.openbpo.billing.ServiceCredit;
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

/** Service credits and one-off fees: the amounts an invoice adds beside rated usage and plan fees. */
@Repository
public class CreditRows {

    private final JdbcClient jdbc;

    CreditRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean insertCredit(ServiceCredit credit) {
        return jdbc.sql("""
                        insert into billing.service_credit (client_id, id, period, service_line, percent, reason, source_key, granted_at, granted_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (client_id, source_key) do nothing""")
                .params(credit.clientId(), credit.id(), Date.valueOf(credit.period()), credit.serviceLine(), credit.percent(),
                        credit.reason(), credit.sourceKey(), Timestamp.from(credit.grantedAt()), credit.grantedBy())
                .update() == 1;
    }

    public Optional<ServiceCredit> creditBySource(UUID clientId, String sourceKey) {
        return jdbc.sql("select * from billing.service_credit where client_id = ? and source_key = ?")
                .params(clientId, sourceKey).query(CreditRows::credit).optional();
    }

    /** The percentage already granted for a service line's month: credits together never exceed all of its fees. */
    public BigDecimal percentGranted(UUID clientId, LocalDate period, String serviceLine) {
        return jdbc.sql("""
                        select coalesce(sum(percent), 0) from billing.service_credit
                         where client_id = ? and period = ? and service_line = ?""")
                .params(clientId, Date.valueOf(period), serviceLine).query(BigDecimal.class).single();
    }

    public void lockCredits(UUID clientId, LocalDate period, String serviceLine) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("billing.credit:" + clientId + ":" + period + ":" + serviceLine).query().singleRow();
    }

    public List<ServiceCredit> credits(UUID clientId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select * from billing.service_credit where client_id = ? and period between ? and ?
                         order by period, service_line, granted_at""")
                .params(clientId, Date.valueOf(from), Date.valueOf(to)).query(CreditRows::credit).list();
    }

    /**
     * Credits an invoice of {@code period} nets: granted for that month or earlier, and not yet
     * netted by another invoice (or netted by one of these drafts, which is being refreshed).
     */
    public List<ServiceCredit> owed(List<UUID> clientIds, LocalDate period, List<UUID> draftIds) {
        return jdbc.sql("""
                        select * from billing.service_credit where client_id = any (?) and period <= ?
                           and (invoice_id is null or invoice_id = any (?))
                         order by client_id, period, service_line, granted_at""")
                .params(clientIds.toArray(UUID[]::new), Date.valueOf(period), draftIds.toArray(UUID[]::new))
                .query(CreditRows::credit).list();
    }

    public void nettedBy(UUID clientId, UUID creditId, UUID invoiceId) {
        jdbc.sql("update billing.service_credit set invoice_id = ? where client_id = ? and id = ?")
                .params(invoiceId, clientId, creditId).update();
    }

    public void release(UUID clientId, UUID invoiceId) {
        jdbc.sql("update billing.service_credit set invoice_id = null where client_id = ? and invoice_id = ?")
                .params(clientId, invoiceId).update();
    }

    public boolean insertFee(OneOffFee fee) {
        return jdbc.sql("""
                        insert into billing.one_off_fee (client_id, id, contract_id, service_line, period, description, amount, source_key,
                            created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (client_id, source_key) do nothing""")
                .params(fee.clientId(), fee.id(), fee.contractId(), fee.serviceLine(), Date.valueOf(fee.period()), fee.description(),
                        fee.amount(), fee.sourceKey(), Timestamp.from(fee.createdAt()), fee.createdBy())
                .update() == 1;
    }

    public Optional<OneOffFee> feeBySource(UUID clientId, String sourceKey) {
        return jdbc.sql("select * from billing.one_off_fee where client_id = ? and source_key = ?")
                .params(clientId, sourceKey).query(CreditRows::fee).optional();
    }

    public List<OneOffFee> fees(List<UUID> clientIds, LocalDate period) {
        return jdbc.sql("select * from billing.one_off_fee where client_id = any (?) and period = ? order by client_id, created_at")
                .params(clientIds.toArray(UUID[]::new), Date.valueOf(period)).query(CreditRows::fee).list();
    }

    static ServiceCredit credit(ResultSet rs, int row) throws SQLException {
        return new ServiceCredit(rs.getObject("client_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getDate("period").toLocalDate(), rs.getString("service_line"), PlanRows.plain(rs.getBigDecimal("percent")),
                rs.getString("reason"), rs.getString("source_key"), rs.getObject("invoice_id", UUID.class),
                rs.getTimestamp("granted_at").toInstant(), rs.getString("granted_by"));
    }

    static OneOffFee fee(ResultSet rs, int row) throws SQLException {
        return new OneOffFee(rs.getObject("client_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("contract_id", UUID.class), rs.getString("service_line"), rs.getDate("period").toLocalDate(),
                rs.getString("description"), PlanRows.plain(rs.getBigDecimal("amount")), rs.getString("source_key"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
