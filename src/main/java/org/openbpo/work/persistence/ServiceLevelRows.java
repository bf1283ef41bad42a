package org.openbpo.work.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

@Repository
public class ServiceLevelRows {

    /** Items done in a period that had an SLA, and how many of those met it. */
    public record Completed(long withSla, long met) {
    }

    /** Open items by how long ago they were raised. */
    public record Ages(long underADay, long oneToThreeDays, long threeToSevenDays, long overAWeek) {
    }

    private final JdbcClient jdbc;

    ServiceLevelRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Completed completed(UUID clientId, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) filter (where sla_met is not null), count(*) filter (where sla_met)
                          from work.work_item
                         where client_id = ? and category = 'DONE' and completed_at >= ? and completed_at < ?""")
                .params(clientId, Timestamp.from(from), Timestamp.from(to))
                .query((rs, n) -> new Completed(rs.getLong(1), rs.getLong(2))).single();
    }

    public Ages openByAge(UUID clientId, Instant now) {
        Timestamp day = ts(now.minus(Duration.ofDays(1)));
        Timestamp threeDays = ts(now.minus(Duration.ofDays(3)));
        Timestamp week = ts(now.minus(Duration.ofDays(7)));
        return jdbc.sql("""
                        select count(*) filter (where created_at > ?),
                               count(*) filter (where created_at <= ? and created_at > ?),
                               count(*) filter (where created_at <= ? and created_at > ?),
                               count(*) filter (where created_at <= ?)
                          from work.work_item
                         where client_id = ? and category not in ('DONE', 'CANCELLED')""")
                .params(day, day, threeDays, threeDays, week, week, clientId)
                .query((rs, n) -> new Ages(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }
}
