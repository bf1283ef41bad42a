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
}
