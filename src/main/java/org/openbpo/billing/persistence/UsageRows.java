package org.openbpo.billing.persistence;

import org.openbpo.billing.UsageRecord;
import org.openbpo.billing.UsageSummary;
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
                .query((rs, n) -> new UsageRecord(rs.getObject("client_id", UUID.class), rs.getLong("id"), rs.getString("source"),
                        rs.getString("source_id"), rs.getString("service_line"), rs.getString("unit"), rs.getBigDecimal("quantity"),
                        rs.getTimestamp("occurred_at").toInstant(), rs.getDate("period").toLocalDate()))
                .list();
    }
}
