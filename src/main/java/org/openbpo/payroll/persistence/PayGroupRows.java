package org.openbpo.payroll.persistence;

import org.openbpo.payroll.PayGroup;
import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.PayFrequency;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Pay groups and their schedules. */
@Repository
public class PayGroupRows {

    private static final RowMapper<PayGroup> GROUP = (rs, n) -> new PayGroup(rs.getString("code"), rs.getString("name"),
            Country.valueOf(rs.getString("country")), PayFrequency.valueOf(rs.getString("frequency")),
            rs.getString("service_line"), rs.getDate("anchor_period_end").toLocalDate(), rs.getInt("pay_offset_days"),
            rs.getInt("cut_off_days"));

    private final JdbcClient jdbc;

    PayGroupRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean insert(UUID client, PayGroup group, Instant at) {
        return jdbc.sql("""
                        insert into payroll.pay_group (client_id, code, name, country, frequency, service_line, anchor_period_end,
                            pay_offset_days, cut_off_days, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(client, group.code(), group.name(), group.country().name(), group.frequency().name(),
                        group.serviceLine(), Date.valueOf(group.anchorPeriodEnd()), group.payOffsetDays(), group.cutOffDays(),
                        Timestamp.from(at))
                .update() == 1;
    }

    public Optional<PayGroup> find(UUID client, String code) {
        return jdbc.sql("select * from payroll.pay_group where client_id = ? and code = ?").params(client, code)
                .query(GROUP).optional();
    }

    /** A pay group's funding account with the account still sealed. */
    public record Funding(String name, String identifier, String bankName, String scheme, byte[] sealed, String masked) {
    }

    public void setFunding(UUID client, String code, String name, String identifier, String bankName, String scheme, byte[] sealed,
                           String masked) {
        jdbc.sql("""
                        update payroll.pay_group set funding_name = ?, funding_identifier = ?, funding_bank = ?, funding_scheme = ?,
                            funding_account = ?, funding_masked = ?
                        where client_id = ? and code = ?""")
                .params(name, identifier, bankName, scheme, sealed, masked, client, code).update();
    }

    public Optional<Funding> funding(UUID client, String code) {
        return jdbc.sql("""
                        select funding_name, funding_identifier, funding_bank, funding_scheme, funding_account, funding_masked
                        from payroll.pay_group where client_id = ? and code = ? and funding_account is not null""")
                .params(client, code)
                .query((rs, n) -> new Funding(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBytes(5),
                        rs.getString(6))).optional();
    }

    public List<PayGroup> all(UUID client) {
        return jdbc.sql("select * from payroll.pay_group where client_id = ? order by code").param(client).query(GROUP).list();
    }
}
