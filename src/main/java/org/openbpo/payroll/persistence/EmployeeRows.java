package org.openbpo.payroll.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.payroll.domain.Country;
import org.openbpo.payroll.domain.EmployeeData;
import org.openbpo.payroll.domain.PayBasis;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** The employees of each client. The sealed bank account is written here and read only to pay. */
@Repository
public class EmployeeRows {

    /** An employee as stored: the checked data (without the account itself), the masked account, the version. */
    public record Stored(UUID id, EmployeeData data, @Nullable String bankScheme, @Nullable String bankMasked,
                         int version, Instant updatedAt) {
    }

    private static final TypeReference<Map<String, String>> TAX_DATA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final RowMapper<Stored> mapper;

    EmployeeRows(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.mapper = this::map;
    }

    public void insert(UUID client, UUID id, EmployeeData e, byte @Nullable [] sealedAccount, Instant at) {
        jdbc.sql("""
                        insert into payroll.employee (client_id, id, employee_number, given_name, family_name, email, country,
                            tax_residence, pay_group, start_date, leave_date, pay_basis, annual_salary, hourly_rate, standard_hours,
                            bank_scheme, bank_account, bank_masked, tax_data, created_at, updated_at, language)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(client, id, e.employeeNumber(), e.givenName(), e.familyName(), e.email(), e.country().name(),
                        e.taxResidence(), e.payGroup(), Date.valueOf(e.startDate()),
                        e.leaveDate() == null ? null : Date.valueOf(e.leaveDate()), e.payBasis().name(), e.annualSalary(),
                        e.hourlyRate(), e.standardHours(), e.bank() == null ? null : e.bank().scheme().name(), sealedAccount,
                        e.bank() == null ? null : e.bank().masked(), json.writeValueAsString(e.taxData()),
                        Timestamp.from(at), Timestamp.from(at), e.language())
                .update();
    }

    /**
     * Replaces the employee's fields. A null sealed account keeps the stored one unless {@code clearAccount}:
     * an update that does not mention the account leaves it as it is.
     */
    public void update(UUID client, UUID id, EmployeeData e, byte @Nullable [] sealedAccount, Instant at) {
        jdbc.sql("""
                        update payroll.employee set employee_number = ?, given_name = ?, family_name = ?, email = ?, country = ?,
                            tax_residence = ?, pay_group = ?, start_date = ?, leave_date = ?, pay_basis = ?, annual_salary = ?,
                            hourly_rate = ?, standard_hours = ?,
                            bank_scheme = coalesce(?, bank_scheme), bank_account = coalesce(?, bank_account),
                            bank_masked = coalesce(?, bank_masked), tax_data = ?::jsonb, updated_at = ?, version = version + 1,
                            language = ?
                        where client_id = ? and id = ?""")
                .params(e.employeeNumber(), e.givenName(), e.familyName(), e.email(), e.country().name(), e.taxResidence(),
                        e.payGroup(), Date.valueOf(e.startDate()), e.leaveDate() == null ? null : Date.valueOf(e.leaveDate()),
                        e.payBasis().name(), e.annualSalary(), e.hourlyRate(), e.standardHours(),
                        e.bank() == null ? null : e.bank().scheme().name(), sealedAccount,
                        e.bank() == null ? null : e.bank().masked(), json.writeValueAsString(e.taxData()), Timestamp.from(at),
                        e.language(), client, id)
                .update();
    }

    public Optional<Stored> find(UUID client, UUID id) {
        return jdbc.sql("select * from payroll.employee where client_id = ? and id = ?").params(client, id).query(mapper).optional();
    }

    public Optional<Stored> findForUpdate(UUID client, UUID id) {
        return jdbc.sql("select * from payroll.employee where client_id = ? and id = ? for update").params(client, id)
                .query(mapper).optional();
    }

    public Optional<Stored> byNumber(UUID client, String number) {
        return jdbc.sql("select * from payroll.employee where client_id = ? and employee_number = ?").params(client, number)
                .query(mapper).optional();
    }

    /** Employee numbers to ids, for an import to tell new employees from updates. */
    public Map<String, UUID> idsByNumber(UUID client) {
        Map<String, UUID> ids = new java.util.HashMap<>();
        jdbc.sql("select employee_number, id from payroll.employee where client_id = ?").param(client)
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getObject(2, UUID.class));
                });
        return ids;
    }

    public List<Stored> page(UUID client, @Nullable String afterNumber, int limit) {
        return jdbc.sql("""
                        select * from payroll.employee where client_id = ? and employee_number > ?
                        order by employee_number limit ?""")
                .params(client, afterNumber == null ? "" : afterNumber, limit).query(mapper).list();
    }

    /** Streams a pay group's employees in id order without holding them all in memory. */
    public void eachOfGroup(UUID client, String payGroup, Consumer<Stored> each) {
        jdbc.sql("select * from payroll.employee where client_id = ? and pay_group = ? order by id")
                .params(client, payGroup).withFetchSize(2000)
                .query(rs -> {
                    each.accept(map(rs, 0));
                });
    }

    public byte @Nullable [] sealedAccount(UUID client, UUID id) {
        return jdbc.sql("select bank_account from payroll.employee where client_id = ? and id = ?").params(client, id)
                .query((rs, n) -> rs.getBytes(1)).optional().orElse(null);
    }

    public Stored map(ResultSet rs, int row) throws SQLException {
        Date leave = rs.getDate("leave_date");
        EmployeeData data = new EmployeeData(rs.getString("employee_number"), rs.getString("given_name"),
                rs.getString("family_name"), rs.getString("email"), Country.valueOf(rs.getString("country")),
                rs.getString("tax_residence"), rs.getString("pay_group"), rs.getDate("start_date").toLocalDate(),
                leave == null ? null : leave.toLocalDate(), PayBasis.valueOf(rs.getString("pay_basis")),
                rs.getBigDecimal("annual_salary"), rs.getBigDecimal("hourly_rate"), rs.getBigDecimal("standard_hours"), null,
                json.readValue(rs.getString("tax_data"), TAX_DATA), rs.getString("language"));
        return new Stored(rs.getObject("id", UUID.class), data, rs.getString("bank_scheme"), rs.getString("bank_masked"),
                rs.getInt("version"), rs.getTimestamp("updated_at").toInstant());
    }
}
