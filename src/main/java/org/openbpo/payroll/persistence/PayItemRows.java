package org.openbpo.payroll.persistence;

import org.openbpo.payroll.AddPayItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Employees' earnings and deductions, and the hours of their timesheets. */
@Repository
public class PayItemRows {

    private final JdbcClient jdbc;

    PayItemRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(UUID client, UUID employee, AddPayItem item, Instant at, String by) {
        return jdbc.sql("""
                        insert into payroll.pay_item (client_id, employee_id, kind, code, description, amount, recurring, off_cycle,
                            starts_on, ends_on, created_at, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(client, employee, item.kind().name(), item.code(), item.description().strip(), item.amount(), item.recurring(),
                        item.offCycle(), Date.valueOf(item.startsOn()), item.endsOn() == null ? null : Date.valueOf(item.endsOn()),
                        Timestamp.from(at), by)
                .query(Long.class).single();
    }

    public List<Map<String, Object>> of(UUID client, UUID employee) {
        return jdbc.sql("""
                        select id, kind, code, description, amount::text amount, recurring, off_cycle, starts_on::text starts_on,
                               ends_on::text ends_on, paid_in_run
                        from payroll.pay_item where client_id = ? and employee_id = ? order by id""")
                .params(client, employee).query().listOfRows();
    }

    public void hours(UUID client, UUID employee, LocalDate periodEnd, BigDecimal hours, Instant at) {
        jdbc.sql("""
                        insert into payroll.timesheet (client_id, employee_id, period_end, hours, imported_at) values (?, ?, ?, ?, ?)
                        on conflict (client_id, employee_id, period_end) do update set hours = excluded.hours,
                            imported_at = excluded.imported_at""")
                .params(client, employee, Date.valueOf(periodEnd), hours, Timestamp.from(at)).update();
    }

    /** A regular run that takes no more inputs: its id and cut-off. */
    public record ClosedRun(long id, LocalDate cutOff) {
    }

    /** The client's regular runs whose inputs closed before {@code now}, by pay group and period end ("group/yyyy-mm-dd"). */
    public Map<String, ClosedRun> closedRuns(UUID client, Instant now) {
        Map<String, ClosedRun> closed = new java.util.HashMap<>();
        jdbc.sql("""
                        select id, pay_group, period_end, cut_off from payroll.pay_run
                        where client_id = ? and kind = 'REGULAR' and status not in ('CANCELLED', 'REVERSED') and inputs_close_at < ?""")
                .params(client, java.sql.Timestamp.from(now))
                .query(rs -> {
                    closed.put(rs.getString("pay_group") + "/" + rs.getDate("period_end").toLocalDate(),
                            new ClosedRun(rs.getLong("id"), rs.getDate("cut_off").toLocalDate()));
                });
        return closed;
    }

    /** Each employee's pay group by employee number. */
    public Map<String, String> groupsByNumber(UUID client) {
        Map<String, String> groups = new java.util.HashMap<>();
        jdbc.sql("select employee_number, pay_group from payroll.employee where client_id = ?").param(client)
                .query(rs -> {
                    groups.put(rs.getString(1), rs.getString(2));
                });
        return groups;
    }
}
