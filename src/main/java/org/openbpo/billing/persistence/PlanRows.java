package org.openbpo.billing.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.billing.DefinePricePlan;
import org.openbpo.billing.PricePlan;
import org.openbpo.billing.Pricing;
import org.openbpo.billing.Tier;
import org.openbpo.billing.domain.InvoiceCalculation.Tax;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Serialises changes to one service line's plans, whichever contract holds it, so the overlap checks and the insert
     * see the same versions (those of a renewal or of the contract it took the line over from included).
     */
    public void lock(UUID clientId, String serviceLine) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
                .param("billing.plan:" + clientId + ":" + serviceLine).query().singleRow();
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

    /** {@code inForce}: the plans pricing their lines this month (see {@link #inForce}), flagged so. */
    public Optional<PricePlan> find(UUID clientId, UUID id, List<UUID> inForce) {
        return jdbc.sql(WITH_TERM + " where p.client_id = ? and p.id = ?").params(inForce.toArray(UUID[]::new), clientId, id)
                .query(this::plan).optional();
    }

    /** {@code inForce}: the plans pricing their lines this month (see {@link #inForce}), flagged so. */
    public List<PricePlan> ofClient(UUID clientId, @Nullable UUID contractId, List<UUID> inForce) {
        return jdbc.sql(WITH_TERM + """
                         where p.client_id = ? and (?::uuid is null or p.contract_id = ?)
                         order by p.service_line, p.effective_from, c.starts_on""")
                .params(inForce.toArray(UUID[]::new), clientId, contractId, contractId).query(this::plan).list();
    }

    /** The versions of one contract's plan for a line, for defining another; none flagged in force. */
    public List<PricePlan> versions(UUID clientId, UUID contractId, String serviceLine) {
        return jdbc.sql(WITH_TERM + """
                         where p.client_id = ? and p.contract_id = ? and p.service_line = ?
                         order by p.effective_from""")
                .params(new UUID[0], clientId, contractId, serviceLine).query(this::plan).list();
    }

    // A plan with its contract's term; in_force names the plans given as pricing their lines this month.
    private static final String WITH_TERM = """
            select p.*, c.ends_on as contract_ends_on, p.id = any (?) as in_force
              from billing.price_plan p
              join contracts.contract c on c.client_id = p.client_id and c.id = p.contract_id
            """;

    /**
     * The plan that rates each service line in a month, for every client given: one per line. A plan
     * charges only in months its contract's term reaches, so the open-ended plan of a contract that has
     * ended stops charging with it. When a renewal took the line over (a service line belongs to one
     * contract at a time, but both terms may touch the month), the month is rated by the plan of the
     * contract holding the line on the month's last day, else by the one that held it last: the same
     * contract quality scores the month under and whose credits it owes. Usage, fees, bank and minimum
     * of a line are so charged once, never by the ended contract and its renewal both.
     */
    public List<PricePlan> inForce(List<UUID> clientIds, LocalDate period) {
        LocalDate first = period.withDayOfMonth(1);
        LocalDate last = first.plusMonths(1).minusDays(1);
        return jdbc.sql("""
                        select distinct on (p.client_id, p.service_line) p.*, c.ends_on as contract_ends_on, true as in_force
                          from billing.price_plan p
                          join contracts.contract c on c.client_id = p.client_id and c.id = p.contract_id
                         where p.client_id = any (?) and p.effective_from <= ? and (p.effective_to is null or p.effective_to > ?)
                           and c.starts_on <= ? and (c.ends_on is null or c.ends_on >= ?)
                         order by p.client_id, p.service_line, (c.ends_on is null or c.ends_on >= ?) desc,
                                  c.ends_on desc nulls first, c.starts_on desc""")
                .params(clientIds.toArray(UUID[]::new), Date.valueOf(period), Date.valueOf(period), Date.valueOf(last),
                        Date.valueOf(first), Date.valueOf(last))
                .query(this::plan).list();
    }

    /** A service line of one contract of a client. */
    public record ContractLine(UUID clientId, UUID contractId, String serviceLine) {
    }

    /**
     * The tax each contract's plan for the line charges in the month: the plan in force then, else the contract's last
     * plan before it (a fee after the plans ended, such as an exit fee), else its first plan; none when the contract has no
     * plan for the line. In one statement, for month end.
     */
    public Map<ContractLine, Tax> taxOfContractLines(List<ContractLine> lines, LocalDate period) {
        if (lines.isEmpty()) {
            return Map.of();
        }
        Map<ContractLine, Tax> taxes = new HashMap<>();
        jdbc.sql("""
                        select distinct on (l.client_id, l.contract_id, l.service_line)
                               l.client_id, l.contract_id, l.service_line, p.tax_name, p.tax_percent
                          from unnest(?::uuid[], ?::uuid[], ?::text[]) as l (client_id, contract_id, service_line)
                          join billing.price_plan p
                            on p.client_id = l.client_id and p.contract_id = l.contract_id and p.service_line = l.service_line
                         where p.client_id = any (?)
                         order by l.client_id, l.contract_id, l.service_line, (p.effective_from <= ?) desc,
                                  case when p.effective_from <= ? then p.effective_from end desc nulls last, p.effective_from""")
                .params(lines.stream().map(ContractLine::clientId).toArray(UUID[]::new),
                        lines.stream().map(ContractLine::contractId).toArray(UUID[]::new),
                        lines.stream().map(ContractLine::serviceLine).toArray(String[]::new),
                        lines.stream().map(ContractLine::clientId).distinct().toArray(UUID[]::new),
                        Date.valueOf(period), Date.valueOf(period))
                .query(rs -> {
                    taxes.put(new ContractLine(rs.getObject("client_id", UUID.class), rs.getObject("contract_id", UUID.class),
                            rs.getString("service_line")), new Tax(rs.getString("tax_name"), plain(rs.getBigDecimal("tax_percent"))));
                });
        return taxes;
    }

    private PricePlan plan(ResultSet rs, int row) throws SQLException {
        Date to = rs.getDate("effective_to");
        return new PricePlan(rs.getObject("client_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("contract_id", UUID.class), rs.getString("service_line"), rs.getDate("effective_from").toLocalDate(),
                to == null ? null : to.toLocalDate(), date(rs, "contract_ends_on"), rs.getBoolean("in_force"),
                rs.getString("currency"), rs.getString("unit"),
                Pricing.valueOf(rs.getString("pricing")), json.readValue(rs.getString("tiers"), TIERS),
                plain(rs.getBigDecimal("monthly_fee")), plain(rs.getBigDecimal("fte_agents")), plain(rs.getBigDecimal("fte_hours")),
                plain(rs.getBigDecimal("fte_hourly_rate")), plain(rs.getBigDecimal("minimum_commitment")),
                plain(rs.getBigDecimal("prepaid_units")), plain(rs.getBigDecimal("prepaid_fee")), rs.getBoolean("rollover"),
                rs.getString("tax_name"), plain(rs.getBigDecimal("tax_percent")), rs.getString("note"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    private static @Nullable LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static BigDecimal zero(@Nullable BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
