package org.openbpo.ledger.persistence;

import org.openbpo.ledger.Period;
import org.openbpo.ledger.PeriodStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Months whose status is not simply open. */
@Repository
public class PeriodRows {

    private final JdbcClient jdbc;

    PeriodRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Period> all(UUID client) {
        return jdbc.sql("select * from ledger.period where client_id = ? order by starts_on").param(client)
                .query((rs, n) -> new Period(YearMonth.from(rs.getObject("starts_on", LocalDate.class)),
                        PeriodStatus.valueOf(rs.getString("status")), rs.getTimestamp("changed_at").toInstant(),
                        rs.getString("changed_by")))
                .list();
    }

    /** Writes the status; the database's trigger waits here for postings in flight to that month. */
    public void change(UUID client, YearMonth month, PeriodStatus status, Instant at, String by) {
        jdbc.sql("""
                        insert into ledger.period (client_id, starts_on, status, changed_at, changed_by) values (?, ?, ?, ?, ?)
                        on conflict (client_id, starts_on) do update
                           set status = excluded.status, changed_at = excluded.changed_at, changed_by = excluded.changed_by""")
                .params(client, month.atDay(1), status.name(), Timestamp.from(at), by)
                .update();
    }

    /** Takes the month's change lock (the period trigger's), then reads its status. */
    public PeriodStatus lockAndRead(UUID client, YearMonth month) {
        jdbc.sql("select pg_advisory_xact_lock(7, ledger.period_lock(?, ?))").params(client, month.atDay(1))
                .query(rs -> { });
        return status(client, month);
    }

    public PeriodStatus status(UUID client, YearMonth month) {
        return jdbc.sql("select status from ledger.period where client_id = ? and starts_on = ?")
                .params(client, month.atDay(1)).query(String.class).optional()
                .map(PeriodStatus::valueOf).orElse(PeriodStatus.OPEN);
    }
}
