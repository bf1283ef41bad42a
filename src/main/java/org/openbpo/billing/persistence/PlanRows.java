package org.openbpo.billing.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.billing.DefinePricePlan;
import org.openbpo.billing.PricePlan;
import org.openbpo.billing.Pricing;
import org.openbpo.billing.Tier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class PlanRows {

    private static final TypeReference<List<Tier>> TIERS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    PlanRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Serialises changes to one service line's plan, so the overlap check and the insert see the same versions. */
    public void lock(UUID clientId, UUID contractId, String serviceLine) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("billing.plan:" + clientId + ":" + contractId + ":" + serviceLine).query().singleRow();
    }

    public void insert(UUID clientId, UUID id, DefinePricePlan plan, String currency, Instant at, String by) {
        jdbc.sql("""
                        insert into billing.price_plan (client_id, id, contract_id, service_line, effective_from, effective_to, currency,
                            unit, pricing, tiers, monthly_fee, fte_agents, fte_hours, fte_hourly_rate, minimum_commitment, prepaid_units,
                            prepaid_fee, rollover, tax_name, tax_percent, note, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(clientId, id, plan.contractId(), plan.serviceLine(), Date.valueOf(plan.effectiveFrom()),
                        plan.effectiveTo() == null ? null : Date.valueOf(plan.effectiveTo()), currency, plan.unit(),
                        plan.pricing().name(), json.writeValueAsString(plan.tiers()), zero(plan.monthlyFee()),
                        zero(plan.fteAgents()), zero(plan.fteHours()), zero(plan.fteHourlyRate()), zero(plan.minimumCommitment()),
                        zero(plan.prepaidUnits()), zero(plan.prepaidFee()), Boolean.TRUE.equals(plan.rollover()), plan.taxName(),
                        plan.taxPercent(), plan.note(), Timestamp.from(at), by)
                .update();
    }

    public void endAt(UUID clientId, UUID id, LocalDate effectiveTo) {
        jdbc.sql("update billing.price_plan set effective_to = ? where client_id = ? and id = ?")
                .params(Date.valueOf(effectiveTo), clientId, id).update();
    }

    public Optional<PricePlan> find(UUID clientId, UUID id) {
        return jdbc.sql("select * from billing.price_plan where client_id = ? and id = ?").params(clientId, id)
                .query(this::plan).optional();
    }

    public List<PricePlan> ofClient(UUID clientId, @Nullable UUID contractId) {
        return jdbc.sql("""
                        select * from billing.price_plan where client_id = ? and (?::uuid is null or contract_id = ?)
                         order by service_line, effective_from""")
                .params(clientId, contractId, contractId).query(this::plan).list();
    }

    public List<PricePlan> versions(UUID clientId, UUID contractId, String serviceLine) {
        return jdbc.sql("""
                        select * from billing.price_plan where client_id = ? and contract_id = ? and service_line = ?
                         order by effective_from""")
                .params(clientId, contractId, serviceLine).query(this::plan).list();
    }

    /** The versions in force in a month, for every client given. */
    public List<PricePlan> inForce(List<UUID> clientIds, LocalDate period) {
        return jdbc.sql("""
                        select * from billing.price_plan where client_id = any (?) and effective_from <= ?
                           and (effective_to is null or effective_to > ?)
                         order by client_id, service_line""")
                .params(clientIds.toArray(UUID[]::new), Date.valueOf(period), Date.valueOf(period)).query(this::plan).list();
    }

    private PricePlan plan(ResultSet rs, int row) throws SQLException {
        Date to = rs.getDate("effective_to");
        return new PricePlan(rs.getObject("client_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("contract_id", UUID.class), rs.getString("service_line"), rs.getDate("effective_from").toLocalDate(),
                to == null ? null : to.toLocalDate(), rs.getString("currency"), rs.getString("unit"),
                Pricing.valueOf(rs.getString("pricing")), json.readValue(rs.getString("tiers"), TIERS),
                plain(rs.getBigDecimal("monthly_fee")), plain(rs.getBigDecimal("fte_agents")), plain(rs.getBigDecimal("fte_hours")),
                plain(rs.getBigDecimal("fte_hourly_rate")), plain(rs.getBigDecimal("minimum_commitment")),
                plain(rs.getBigDecimal("prepaid_units")), plain(rs.getBigDecimal("prepaid_fee")), rs.getBoolean("rollover"),
                rs.getString("tax_name"), plain(rs.getBigDecimal("tax_percent")), rs.getString("note"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal zero(@Nullable BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
