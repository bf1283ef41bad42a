package org.openbpo.payroll.persistence;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Which work items are an employee's payroll questions. */
@Repository
public class QuestionRows {

    private final JdbcClient jdbc;

    QuestionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID client, long workItem, UUID employee, String topic, @Nullable Long run, Instant at) {
        jdbc.sql("""
                        insert into payroll.question (client_id, work_item_id, employee_id, topic, run_id, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(client, workItem, employee, topic, run, Timestamp.from(at)).update();
    }

    /** The employee's questions' work items, newest first. */
    public List<Long> ofEmployee(UUID client, UUID employee, int limit) {
        return jdbc.sql("""
                        select work_item_id from payroll.question where client_id = ? and employee_id = ?
                        order by work_item_id desc limit ?""")
                .params(client, employee, limit).query(Long.class).list();
    }
}
