package org.openbpo.contracts.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.CalendarSpec;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Kpi;
import org.openbpo.contracts.KpiTarget;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.contracts.SlaTarget;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
public class ContractRows {

    /** A contract's newest version effective at a moment, with the contract's term (its last day inclusive). */
    public record VersionInForce(UUID contractId, int version, String reference, LocalDate startsOn, @Nullable LocalDate endsOn) {
        public boolean covers(LocalDate day) {
            return Contract.termCovers(startsOn, endsOn, day);
        }
    }

    /** Another contract holding a service line's code over part of a term. */
    public record Holder(String reference, LocalDate startsOn, @Nullable LocalDate endsOn) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ContractRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insertContract(UUID clientId, UUID id, String reference, String title, String currency,
                               LocalDate startsOn, @Nullable LocalDate endsOn, Instant at) {
        jdbc.sql("""
                        insert into contracts.contract (client_id, id, reference, title, currency, starts_on, ends_on, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)""")
                .params(clientId, id, reference, title, currency, Date.valueOf(startsOn),
                        endsOn == null ? null : Date.valueOf(endsOn), Timestamp.from(at))
                .update();
    }

    public boolean referenceTaken(UUID clientId, String reference) {
        return jdbc.sql("select exists (select from contracts.contract where client_id = ? and reference = ?)")
                .params(clientId, reference).query(Boolean.class).single();
    }

    /**
     * Serialises the changes to a client's contract terms and service lines, so two contracts whose
     * terms overlap never both take the same service line.
     */
    public void lockServiceLines(UUID clientId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("contracts.service-lines:" + clientId).query().singleRow();
    }

    /** Another contract of the client with the service line whose term overlaps {@code startsOn}–{@code endsOn} (null: open-ended). */
    public Optional<Holder> holderOverlapping(UUID clientId, String code, @Nullable UUID exceptContract, LocalDate startsOn,
                                              @Nullable LocalDate endsOn) {
        return jdbc.sql("""
                        select c.reference, c.starts_on, c.ends_on
                          from contracts.service_line s
                          join contracts.contract c on c.client_id = s.client_id and c.id = s.contract_id
                         where s.client_id = ? and s.code = ? and c.id is distinct from ?
                           and c.starts_on <= coalesce(?::date, 'infinity') and coalesce(c.ends_on, 'infinity') >= ?::date
                         order by c.starts_on limit 1""")
                .params(clientId, code, exceptContract, endsOn == null ? null : Date.valueOf(endsOn), Date.valueOf(startsOn))
                .query((rs, n) -> new Holder(rs.getString(1), rs.getDate(2).toLocalDate(),
                        rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()))
                .optional();
    }

    /** Locks the contract's row until the transaction ends; false when the caller's client has no such contract. */
    public boolean lockContract(UUID clientId, UUID contractId) {
        return jdbc.sql("select id from contracts.contract where client_id = ? and id = ? for no key update")
                .params(clientId, contractId).query(UUID.class).optional().isPresent();
    }

    /**
     * Holds the contract's row against revision until the transaction ends, waiting for a revision under way; false
     * when the caller's client has no such contract. Work referring to the contract goes on meanwhile.
     */
    public boolean shareContract(UUID clientId, UUID contractId) {
        return jdbc.sql("select id from contracts.contract where client_id = ? and id = ? for share")
                .params(clientId, contractId).query(UUID.class).optional().isPresent();
    }

    public void endTerm(UUID clientId, UUID contractId, LocalDate endsOn) {
        jdbc.sql("update contracts.contract set ends_on = ? where client_id = ? and id = ?")
                .params(Date.valueOf(endsOn), clientId, contractId).update();
    }

    public void insertServiceLine(UUID clientId, UUID contractId, ServiceLine line) {
        jdbc.sql("insert into contracts.service_line (client_id, contract_id, code, name, kind, work_type) values (?, ?, ?, ?, ?, ?)")
                .params(clientId, contractId, line.code(), line.name(), line.kind().name(), line.workType()).update();
    }

    public int nextVersion(UUID clientId, UUID contractId) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from contracts.contract_version where client_id = ? and contract_id = ?")
                .params(clientId, contractId).query(Integer.class).single();
    }

    public void insertVersion(UUID clientId, UUID contractId, int version, Instant effectiveFrom, CalendarSpec calendar,
                              @Nullable String note, Instant at, String by, List<SlaTarget> slas, List<KpiTarget> kpis) {
        jdbc.sql("""
                        insert into contracts.contract_version (client_id, contract_id, version, effective_from, calendar, note, created_at, created_by)
                        values (?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(clientId, contractId, version, Timestamp.from(effectiveFrom), json.writeValueAsString(calendar),
                        note, Timestamp.from(at), by)
                .update();
        for (SlaTarget sla : slas) {
            jdbc.sql("""
                            insert into contracts.sla_target (client_id, contract_id, version, service_line, priority,
                                first_response_mins, resolution_mins, turnaround_days, cut_off, warning_share)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(clientId, contractId, version, sla.serviceLine(), sla.priority().name(), sla.firstResponseMinutes(),
                            sla.resolutionMinutes(), sla.turnaroundDays(), sla.cutOff() == null ? null : Time.valueOf(sla.cutOff()),
                            sla.warningShare())
                    .update();
        }
        for (KpiTarget kpi : kpis) {
            jdbc.sql("insert into contracts.kpi_target (client_id, contract_id, version, service_line, kpi, target) values (?, ?, ?, ?, ?, ?)")
                    .params(clientId, contractId, version, kpi.serviceLine(), kpi.kpi().name(), kpi.target()).update();
        }
    }

    /**
     * Per active contract with the service line, its newest version effective at a moment, earliest term
     * first; whose term covers the day is for the caller to say.
     */
    public List<VersionInForce> versionsInForce(UUID clientId, String serviceLine, Instant at) {
        return jdbc.sql("""
                        select v.contract_id, max(v.version) as version, c.reference, c.starts_on, c.ends_on
                          from contracts.service_line s
                          join contracts.contract c on c.client_id = s.client_id and c.id = s.contract_id and c.status = 'ACTIVE'
                          join contracts.contract_version v on v.client_id = s.client_id and v.contract_id = s.contract_id
                         where s.client_id = ? and s.code = ? and s.active and v.effective_from <= ?
                         group by v.contract_id, c.reference, c.starts_on, c.ends_on
                         order by c.starts_on""")
                .params(clientId, serviceLine, Timestamp.from(at))
                .query((rs, n) -> new VersionInForce(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                        rs.getDate(4).toLocalDate(), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()))
                .list();
    }

    /** The newest version of a contract effective at a moment; empty before its first. */
    public Optional<Integer> versionAt(UUID clientId, UUID contractId, Instant at) {
        return jdbc.sql("""
                        select version from contracts.contract_version
                         where client_id = ? and contract_id = ? and effective_from <= ?
                         order by version desc limit 1""")
                .params(clientId, contractId, Timestamp.from(at)).query(Integer.class).optional();
    }

    public Optional<Contract> find(UUID clientId, UUID contractId, @Nullable Integer version) {
        return jdbc.sql("""
                        select c.*, v.version, v.effective_from, v.calendar::text as calendar
                          from contracts.contract c
                          join contracts.contract_version v on v.client_id = c.client_id and v.contract_id = c.id
                         where c.client_id = ? and c.id = ?
                           and v.version = coalesce(?, (select max(version) from contracts.contract_version x
                                                        where x.client_id = c.client_id and x.contract_id = c.id))""")
                .params(clientId, contractId, version)
                .query((rs, n) -> {
                    int v = rs.getInt("version");
                    return new Contract(clientId, contractId, rs.getString("reference"), rs.getString("title"),
                            rs.getString("currency"), rs.getDate("starts_on").toLocalDate(),
                            rs.getDate("ends_on") == null ? null : rs.getDate("ends_on").toLocalDate(), rs.getString("status"),
                            v, rs.getTimestamp("effective_from").toInstant(),
                            json.readValue(rs.getString("calendar"), CalendarSpec.class),
                            serviceLines(clientId, contractId), slaTargets(clientId, contractId, v), kpiTargets(clientId, contractId, v));
                })
                .optional();
    }

    public List<UUID> contractIds(UUID clientId) {
        return jdbc.sql("select id from contracts.contract where client_id = ? order by starts_on desc, reference")
                .param(clientId).query(UUID.class).list();
    }

    private List<ServiceLine> serviceLines(UUID clientId, UUID contractId) {
        return jdbc.sql("select * from contracts.service_line where client_id = ? and contract_id = ? order by code")
                .params(clientId, contractId)
                .query((rs, n) -> new ServiceLine(rs.getString("code"), rs.getString("name"),
                        ServiceLineKind.valueOf(rs.getString("kind")), rs.getString("work_type")))
                .list();
    }

    private List<SlaTarget> slaTargets(UUID clientId, UUID contractId, int version) {
        return jdbc.sql("select * from contracts.sla_target where client_id = ? and contract_id = ? and version = ? order by service_line, priority")
                .params(clientId, contractId, version)
                .query((rs, n) -> new SlaTarget(rs.getString("service_line"), Priority.valueOf(rs.getString("priority")),
                        rs.getObject("first_response_mins", Integer.class), rs.getObject("resolution_mins", Integer.class),
                        rs.getObject("turnaround_days", Integer.class),
                        rs.getTime("cut_off") == null ? null : rs.getTime("cut_off").toLocalTime(),
                        rs.getBigDecimal("warning_share")))
                .list();
    }

    private List<KpiTarget> kpiTargets(UUID clientId, UUID contractId, int version) {
        return jdbc.sql("select * from contracts.kpi_target where client_id = ? and contract_id = ? and version = ? order by service_line, kpi")
                .params(clientId, contractId, version)
                .query((rs, n) -> new KpiTarget(rs.getString("service_line"), Kpi.valueOf(rs.getString("kpi")),
                        rs.getBigDecimal("target")))
                .list();
    }
}
