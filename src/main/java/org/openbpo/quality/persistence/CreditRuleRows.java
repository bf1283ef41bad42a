package org.openbpo.quality.persistence;

import org.openbpo.contracts.Kpi;
import org.openbpo.quality.CreditRule;
import org.openbpo.quality.CreditTier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

@Repository
public class CreditRuleRows {

    private static final TypeReference<List<CreditTier>> TIERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CreditRuleRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public int insert(UUID clientId, UUID contractId, String serviceLine, Kpi kpi, YearMonth effectiveFrom, List<CreditTier> tiers,
                      BigDecimal capPercent, int earnBackPeriods, Instant at, String by) {
        return jdbc.sql("""
                        insert into quality.credit_rule (client_id, contract_id, service_line, kpi, version, effective_from, tiers,
                                                         cap_percent, earn_back_periods, created_at, created_by)
                        select ?, ?, ?, ?, coalesce(max(version), 0) + 1, ?, ?::jsonb, ?, ?, ?, ?
                          from quality.credit_rule where client_id = ? and contract_id = ? and service_line = ? and kpi = ?
                        returning version""")
                .params(clientId, contractId, serviceLine, kpi.name(), effectiveFrom.toString(), json.writeValueAsString(tiers),
                        capPercent, earnBackPeriods, Timestamp.from(at), by, clientId, contractId, serviceLine, kpi.name())
                .query(Integer.class).single();
    }

    /** Every version of every rule of the contract, oldest first. */
    public List<CreditRule> all(UUID clientId, UUID contractId) {
        return jdbc.sql("""
                        select * from quality.credit_rule where client_id = ? and contract_id = ?
                         order by service_line, kpi, version""")
                .params(clientId, contractId).query(this::map).list();
    }

    /** Per service line and KPI, the latest version effective in the month. */
    public List<CreditRule> inForce(UUID clientId, UUID contractId, YearMonth period) {
        return jdbc.sql("""
                        select distinct on (service_line, kpi) * from quality.credit_rule
                         where client_id = ? and contract_id = ? and effective_from <= ?
                         order by service_line, kpi, effective_from desc, version desc""")
                .params(clientId, contractId, period.toString()).query(this::map).list();
    }

    private CreditRule map(ResultSet rs, int n) throws SQLException {
        return new CreditRule(rs.getObject("client_id", UUID.class), rs.getObject("contract_id", UUID.class),
                rs.getString("service_line"), Kpi.valueOf(rs.getString("kpi")), rs.getInt("version"),
                YearMonth.parse(rs.getString("effective_from")), json.readValue(rs.getString("tiers"), TIERS),
                rs.getBigDecimal("cap_percent"), rs.getInt("earn_back_periods"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"));
    }
}
