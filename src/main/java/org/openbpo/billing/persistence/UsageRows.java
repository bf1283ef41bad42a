package org.openbpo.billing.persistence;

import org.openbpo.billing.UsageRecord;
import org.openbpo.billing.UsageSummary;
import org.openbpo.work.WorkEvents.WorkItemCompleted;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Repository
public class UsageRows {

    private final JdbcClient jdbc;

    UsageRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the usage unless it was recorded before; true when this call recorded it. */
    public boolean meter(UUID clientId, String source, String sourceId, String serviceLine, String unit,
                         BigDecimal quantity, Instant at, LocalDate period) {
        return jdbc.sql("""
                        insert into billing.usage_record (client_id, source, source_id, service_line, unit, quantity, occurred_at, period)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (client_id, source, source_id, unit) do nothing""")
                .params(clientId, source, sourceId, serviceLine, unit, quantity, Timestamp.from(at), Date.valueOf(period))
                .update() == 1;
    }

    /** Records one unit of usage per completed work item into {@code period}, in one statement; each item at most once. */
    public void meterWorkItems(UUID clientId, String source, List<WorkItemCompleted> completions, LocalDate period) {
        jdbc.sql("""
                        insert into billing.usage_record (client_id, source, source_id, service_line, unit, quantity, occurred_at, period)
                        select ?, ?, c.source_id, c.service_line, c.unit, 1, c.occurred_at, ?
                          from unnest(?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[]) as c(source_id, service_line, unit, occurred_at)
                        on conflict (client_id, source, source_id, unit) do nothing""")
                .params(clientId, source, Date.valueOf(period),
                        completions.stream().map(c -> Long.toString(c.itemId())).toArray(String[]::new),
                        completions.stream().map(WorkItemCompleted::serviceLine).toArray(String[]::new),
                        completions.stream().map(WorkItemCompleted::billableUnit).toArray(String[]::new),
                        completions.stream().map(c -> c.at().toString()).toArray(String[]::new))
                .update();
    }

    public List<UsageSummary> summary(UUID clientId, LocalDate period) {
        return jdbc.sql("""
                        select service_line, unit, sum(quantity), count(*) from billing.usage_record
                         where client_id = ? and period = ? group by service_line, unit order by service_line, unit""")
                .params(clientId, Date.valueOf(period))
                .query((rs, n) -> new UsageSummary(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getLong(4)))
                .list();
    }

    public List<UsageRecord> ofSource(UUID clientId, String source, String sourceId) {
        return jdbc.sql("select * from billing.usage_record where client_id = ? and source = ? and source_id = ? order by id")
                .params(clientId, source, sourceId)
                .query((rs, n) -> record(rs)).list();
    }

    /** One client's usage of one month: its total per service line and unit. */
    public record Total(UUID clientId, String serviceLine, String unit, BigDecimal quantity, long records) {
    }

    /** The month's totals for many clients in one pass over the usage. */
    public List<Total> totals(List<UUID> clientIds, LocalDate period) {
        return jdbc.sql("""
                        select client_id, service_line, unit, sum(quantity), count(*) from billing.usage_record
                         where client_id = any (?) and period = ? group by client_id, service_line, unit""")
                .params(clientIds.toArray(UUID[]::new), Date.valueOf(period))
                .query((rs, n) -> new Total(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getLong(5)))
                .list();
    }

    /** The usage records behind an invoice line, by id, a page at a time. */
    public List<UsageRecord> behind(UUID clientId, LocalDate period, String serviceLine, String unit, long afterId, int limit) {
        return jdbc.sql("""
                        select * from billing.usage_record where client_id = ? and period = ? and service_line = ? and unit = ?
                           and id > ? order by id limit ?""")
                .params(clientId, Date.valueOf(period), serviceLine, unit, afterId, limit)
                .query((rs, n) -> record(rs)).list();
    }

    /**
     * Takes the month's lock: shared by metering (many may meter at once), exclusive for closing the
     * month. Closing therefore waits for usage being metered into the month to commit, and metering
     * that starts after the close sees it and carries its usage on.
     */
    public void lockMonth(UUID clientId, LocalDate period, boolean exclusive) {
        jdbc.sql(exclusive ? "select pg_advisory_xact_lock(hashtextextended(?, 0))"
                        : "select pg_advisory_xact_lock_shared(hashtextextended(?, 0))")
                .param("billing.period:" + clientId + ":" + period).query().singleRow();
    }

    public boolean closed(UUID clientId, LocalDate period) {
        return jdbc.sql("select exists (select 1 from billing.closed_period where client_id = ? and period = ?)")
                .params(clientId, Date.valueOf(period)).query(Boolean.class).single();
    }

    public void close(UUID clientId, LocalDate period, Instant at, String by) {
        jdbc.sql("insert into billing.closed_period (client_id, period, closed_at, closed_by) values (?, ?, ?, ?) on conflict do nothing")
                .params(clientId, Date.valueOf(period), Timestamp.from(at), by).update();
    }

    public void reopen(UUID clientId, LocalDate period) {
        jdbc.sql("delete from billing.closed_period where client_id = ? and period = ?").params(clientId, Date.valueOf(period)).update();
    }

    private static UsageRecord record(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new UsageRecord(rs.getObject("client_id", UUID.class), rs.getLong("id"), rs.getString("source"),
                rs.getString("source_id"), rs.getString("service_line"), rs.getString("unit"), PlanRows.plain(rs.getBigDecimal("quantity")),
                rs.getTimestamp("occurred_at").toInstant(), rs.getDate("period").toLocalDate());
    }
}
