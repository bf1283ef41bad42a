package org.openbpo.quality.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class SignOffRows {

    public record Owed(YearMonth period, String serviceLine, String kpi, BigDecimal percent, String reason,
                       @Nullable String earnedBackIn) {
    }

    private final JdbcClient jdbc;

    SignOffRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the month was signed off already: the primary key keeps the first sign-off. */
    public boolean insert(UUID clientId, UUID contractId, YearMonth period, String snapshot, String by, Instant at) {
        return jdbc.sql("""
                        insert into quality.scorecard_sign_off (client_id, contract_id, period, snapshot, signed_off_by, signed_off_at)
                        values (?, ?, ?, ?::jsonb, ?, ?) on conflict do nothing""")
                .params(clientId, contractId, period.toString(), snapshot, by, Timestamp.from(at)).update() == 1;
    }

    public Optional<String> snapshot(UUID clientId, UUID contractId, YearMonth period) {
        return jdbc.sql("select snapshot::text from quality.scorecard_sign_off where client_id = ? and contract_id = ? and period = ?")
                .params(clientId, contractId, period.toString()).query(String.class).optional();
    }

    public List<YearMonth> signedOff(UUID clientId, UUID contractId) {
        return jdbc.sql("select period from quality.scorecard_sign_off where client_id = ? and contract_id = ? order by period desc")
                .params(clientId, contractId).query((rs, n) -> YearMonth.parse(rs.getString(1))).list();
    }

    public void owe(UUID clientId, UUID contractId, YearMonth period, String serviceLine, String kpi, BigDecimal percent,
                    String reason) {
        jdbc.sql("""
                        insert into quality.credit_owed (client_id, contract_id, period, service_line, kpi, percent, reason)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(clientId, contractId, period.toString(), serviceLine, kpi, percent, reason).update();
    }

    /** Credits of signed-off months in [from, to] not yet earned back, oldest first. */
    public List<Owed> open(UUID clientId, UUID contractId, YearMonth from, YearMonth to) {
        return jdbc.sql("""
                        select period, service_line, kpi, percent, reason, earned_back_in from quality.credit_owed
                         where client_id = ? and contract_id = ? and period >= ? and period <= ? and percent > 0
                           and earned_back_in is null
                         order by period""")
                .params(clientId, contractId, from.toString(), to.toString())
                .query((rs, n) -> new Owed(YearMonth.parse(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6))).list();
    }

    /**
     * Locks the contract's credits not yet earned back until the transaction ends. A credit another
     * transaction is earning back is waited for and then, earned back, not locked: what is read
     * afterwards in this transaction is what no one else can earn back meanwhile.
     */
    public void lockOpen(UUID clientId, UUID contractId) {
        jdbc.sql("""
                        select period from quality.credit_owed
                         where client_id = ? and contract_id = ? and percent > 0 and earned_back_in is null
                         order by period, service_line, kpi for update""")
                .params(clientId, contractId).query(String.class).list();
    }

    /** False when the credit was earned back already (or is not owed). */
    public boolean earnBack(UUID clientId, UUID contractId, YearMonth period, String serviceLine, String kpi, YearMonth in) {
        return jdbc.sql("""
                        update quality.credit_owed set earned_back_in = ?
                         where client_id = ? and contract_id = ? and period = ? and service_line = ? and kpi = ? and earned_back_in is null""")
                .params(in.toString(), clientId, contractId, period.toString(), serviceLine, kpi).update() == 1;
    }
}
