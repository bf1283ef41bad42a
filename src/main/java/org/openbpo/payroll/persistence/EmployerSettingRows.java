package org.openbpo.payroll.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** A client's payroll settings as an employer; a client without a row has the defaults. */
@Repository
public class EmployerSettingRows {

    private final JdbcClient jdbc;

    EmployerSettingRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean claimsEmploymentAllowance(UUID client) {
        return jdbc.sql("select claims_employment_allowance from payroll.employer_setting where client_id = ?").params(client)
                .query(Boolean.class).optional().orElse(false);
    }

    public void setClaimsEmploymentAllowance(UUID client, boolean claims, Instant at) {
        jdbc.sql("""
                        insert into payroll.employer_setting (client_id, claims_employment_allowance, updated_at) values (?, ?, ?)
                        on conflict (client_id) do update set claims_employment_allowance = excluded.claims_employment_allowance,
                            updated_at = excluded.updated_at""")
                .params(client, claims, Timestamp.from(at)).update();
    }
}
