package org.openbpo.payroll.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.payroll.PayRun;
import org.openbpo.payroll.Payslip;
import org.openbpo.payroll.domain.PayItem;
import org.openbpo.payroll.domain.PaySchedule;
import org.openbpo.payroll.domain.PayslipCalculation;
import org.openbpo.payroll.domain.ToDate;
import org.openbpo.shared.database.SqlFailures;
import org.openbpo.shared.money.Money;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pay runs, their payslips and lines, figures to date and payment instructions. Payslips are written in
 * bulk: COPY into a temporary staging table (COPY cannot write to a table under row-level security),
 * then one INSERT ... SELECT per slice, which the policies check.
 */
@Repository
public class PayRunRows {

    /** An employee with what a run needs to know about them for one period. */
    public record EmployeeForRun(EmployeeRows.Stored stored, ToDate toDate, @Nullable BigDecimal hours, @Nullable Money previousNet,
                                 boolean hasBankAccount) {
    }

    /** A calculated payslip, ready to store. */
    public record NewPayslip(UUID employeeId, int ordinal, String employeeNumber, String employeeName,
                             PayslipCalculation.Result result, boolean hasBankAccount) {
    }

    private static final int BUFFER = 1 << 20;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final EmployeeRows employees;

    PayRunRows(JdbcClient jdbc, DataSource dataSource, EmployeeRows employees) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.employees = employees;
    }

    private static final RowMapper<PayRun> RUN = (rs, n) -> new PayRun(rs.getLong("id"), rs.getString("pay_group"),
            PayRun.Kind.valueOf(rs.getString("kind")), rs.getDate("period_start").toLocalDate(),
            rs.getDate("period_end").toLocalDate(), rs.getDate("pay_date").toLocalDate(), rs.getDate("cut_off").toLocalDate(),
            rs.getString("tax_year"), rs.getInt("period_number"), rs.getString("frequency"), rs.getString("currency"),
            PayRun.Status.valueOf(rs.getString("status")), (Long) rs.getObject("work_item_id"), rs.getString("prepared_by_name"),
            rs.getString("checked_by_name"), rs.getString("approved_by_name"), rs.getInt("employees"),
            rs.getBigDecimal("gross").toPlainString(), rs.getBigDecimal("net").toPlainString(),
            rs.getBigDecimal("employer_costs").toPlainString(), rs.getInt("anomalies"), (Long) rs.getObject("first_payslip_number"),
            rs.getTimestamp("prepared_at").toInstant(), instant(rs.getTimestamp("finalised_at")), instant(rs.getTimestamp("paid_at")),
            rs.getObject("prepared_by", UUID.class), rs.getObject("checked_by", UUID.class), (Long) rs.getObject("reverses"),
            (Long) rs.getObject("reversed_by"), (Long) rs.getObject("corrects"), rs.getString("return_note"));

    public long insertRun(UUID client, String group, PayRun.Kind kind, PaySchedule.Period period, PaySchedule.Period payPeriod,
                          Currency currency, UUID by, String byName, Instant at) {
        return jdbc.sql("""
                        insert into payroll.pay_run (client_id, pay_group, kind, period_start, period_end, pay_date, cut_off, tax_year,
                            period_number, frequency, currency, status, prepared_by, prepared_by_name, prepared_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PREPARED', ?, ?, ?) returning id""")
                .params(client, group, kind.name(), Date.valueOf(period.start()), Date.valueOf(period.end()),
                        Date.valueOf(payPeriod.payDate()), Date.valueOf(payPeriod.cutOff()), payPeriod.taxYear(), payPeriod.number(),
                        period.frequency().name(), currency.getCurrencyCode(), by, byName, Timestamp.from(at))
                .query(Long.class).single();
    }

    public boolean regularExists(UUID client, String group, java.time.LocalDate periodEnd) {
        return jdbc.sql("""
                        select exists (select 1 from payroll.pay_run where client_id = ? and pay_group = ? and period_end = ?
                                       and kind = 'REGULAR' and status not in ('CANCELLED', 'REVERSED'))""")
                .params(client, group, Date.valueOf(periodEnd)).query(Boolean.class).single();
    }

    public void closeInputs(UUID client, long run, Instant at) {
        jdbc.sql("update payroll.pay_run set inputs_close_at = ? where client_id = ? and id = ?").params(Timestamp.from(at), client, run).update();
    }

    public @Nullable Instant inputsClose(UUID client, long run) {
        return jdbc.sql("select inputs_close_at from payroll.pay_run where client_id = ? and id = ?").params(client, run)
                .query((rs, n) -> java.util.Optional.ofNullable(instant(rs.getTimestamp(1)))).single().orElse(null);
    }

    public void attachWorkItem(UUID client, long run, long item) {
        jdbc.sql("update payroll.pay_run set work_item_id = ? where client_id = ? and id = ?").params(item, client, run).update();
    }

    public Optional<PayRun> find(UUID client, long id) {
        return jdbc.sql("select * from payroll.pay_run where client_id = ? and id = ?").params(client, id).query(RUN).optional();
    }

    public Optional<PayRun> lock(UUID client, long id) {
        return jdbc.sql("select * from payroll.pay_run where client_id = ? and id = ? for update").params(client, id).query(RUN).optional();
    }

    public List<PayRun> latest(UUID client, long beforeId, int limit) {
        return jdbc.sql("select * from payroll.pay_run where client_id = ? and id < ? order by id desc limit ?")
                .params(client, beforeId, limit).query(RUN).list();
    }

    public void status(UUID client, long run, PayRun.Status status) {
        jdbc.sql("update payroll.pay_run set status = ? where client_id = ? and id = ?").params(status.name(), client, run).update();
    }

    public void checked(UUID client, long run, UUID by, String name) {
        jdbc.sql("update payroll.pay_run set checked_by = ?, checked_by_name = ? where client_id = ? and id = ?")
                .params(by, name, client, run).update();
    }

    public void returned(UUID client, long run, @Nullable String note) {
        jdbc.sql("update payroll.pay_run set return_note = ? where client_id = ? and id = ?").params(note, client, run).update();
    }

    public void approved(UUID client, long run, UUID by, String name) {
        jdbc.sql("update payroll.pay_run set approved_by = ?, approved_by_name = ? where client_id = ? and id = ?")
                .params(by, name, client, run).update();
    }

    public void prepared(UUID client, long run, UUID by, String name, Instant at) {
        jdbc.sql("""
                        update payroll.pay_run set status = 'PREPARED', prepared_by = ?, prepared_by_name = ?, prepared_at = ?,
                            checked_by = null, checked_by_name = null, approved_by = null, approved_by_name = null
                        where client_id = ? and id = ?""")
                .params(by, name, Timestamp.from(at), client, run).update();
    }

    /** Sums the run's payslips into the run. */
    public void total(UUID client, long run) {
        jdbc.sql("""
                        update payroll.pay_run r set employees = t.employees, gross = t.gross, net = t.net,
                            employer_costs = t.employer, anomalies = t.anomalies
                        from (select count(*) employees, coalesce(sum(gross), 0) gross, coalesce(sum(net), 0) net,
                                     coalesce(sum(employer_contributions), 0) employer, count(anomalies) anomalies
                              from payroll.payslip where client_id = ? and run_id = ?) t
                        where r.client_id = ? and r.id = ?""")
                .params(client, run, client, run).update();
    }

    /**
     * Refreshes the planner's statistics of the payslips after a large run is stored, so that reading one
     * employee's payslip, and finalising, use the key rather than a plan made for the table as it was.
     */
    public void analyzePayslips() {
        jdbc.sql("analyze payroll.payslip (client_id, run_id, employee_id, ordinal)").update();
    }

    public void deletePayslips(UUID client, long run) {
        jdbc.sql("delete from payroll.payslip where client_id = ? and run_id = ?").params(client, run).update();
    }

    /** A slice of the pay group's employees after {@code afterId}, with their figures to date and hours. */
    public List<EmployeeForRun> employees(UUID client, String group, String taxYear, PaySchedule.Period period, UUID afterId, int limit,
                                          Currency currency) {
        return jdbc.sql("""
                        select e.*, td.gross td_gross, td.tax td_tax, td.employee_contributions td_ee, td.employer_contributions td_er,
                               td.net td_net, td.last_regular_net, ts.hours, e.bank_account is not null has_bank
                        from payroll.employee e
                        left join payroll.to_date td on td.client_id = e.client_id and td.employee_id = e.id and td.tax_year = ?
                        left join payroll.timesheet ts on ts.client_id = e.client_id and ts.employee_id = e.id and ts.period_end = ?
                        where e.client_id = ? and e.pay_group = ? and e.id > ?
                          and e.start_date <= ? and (e.leave_date is null or e.leave_date >= ?)
                        order by e.id limit ?""")
                .params(taxYear, Date.valueOf(period.end()), client, group, afterId, Date.valueOf(period.end()),
                        Date.valueOf(period.start()), limit)
                .query((rs, n) -> {
                    BigDecimal lastNet = rs.getBigDecimal("last_regular_net");
                    ToDate toDate = rs.getBigDecimal("td_gross") == null ? ToDate.none(currency)
                            : new ToDate(money(rs.getBigDecimal("td_gross"), currency), money(rs.getBigDecimal("td_tax"), currency),
                            money(rs.getBigDecimal("td_ee"), currency), money(rs.getBigDecimal("td_er"), currency),
                            money(rs.getBigDecimal("td_net"), currency));
                    return new EmployeeForRun(employees.map(rs, n), toDate, rs.getBigDecimal("hours"),
                            lastNet == null ? null : money(lastNet, currency), rs.getBoolean("has_bank"));
                }).list();
    }

    /** Pay items of the group's employees that this run pays: recurring ones overlapping the period, unpaid one-offs. */
    public Map<UUID, List<PayItem>> items(UUID client, String group, PaySchedule.Period period, boolean offCycle, Currency currency,
                                          @Nullable Instant receivedBy) {
        Map<UUID, List<PayItem>> items = new HashMap<>();
        jdbc.sql("""
                        select i.* from payroll.pay_item i join payroll.employee e on e.client_id = i.client_id and e.id = i.employee_id
                        where i.client_id = ? and e.pay_group = ? and i.starts_on <= ? and i.created_at <= ?
                          and ((not ? and i.recurring and (i.ends_on is null or i.ends_on >= ?))
                            or (not i.recurring and i.paid_in_run is null and i.off_cycle = ?))
                        order by i.id""")
                .params(client, group, Date.valueOf(period.end()), Timestamp.from(receivedBy == null ? Instant.parse("9999-12-31T00:00:00Z")
                        : receivedBy), offCycle, Date.valueOf(period.start()), offCycle)
                .query(rs -> {
                    items.computeIfAbsent(rs.getObject("employee_id", UUID.class), k -> new ArrayList<>())
                            .add(new PayItem(rs.getLong("id"), PayItem.Kind.valueOf(rs.getString("kind")), rs.getString("code"),
                                    rs.getString("description"), money(rs.getBigDecimal("amount"), currency), rs.getBoolean("recurring")));
                });
        return items;
    }

    public void createStaging() {
        jdbc.sql("""
                create temporary table if not exists staged_payslip (like payroll.payslip including defaults) on commit drop""").update();
    }

    /**
     * A slice of calculated payslips written out as COPY text. Made without the database, so a pay run
     * can write one slice out while the database stores the one before.
     */
    public record StagedSlice(byte[] payslips, int count) {
    }

    /** Writes a slice of payslips, each with its lines as arrays in line order, as the COPY text {@link #store} sends. */
    public static StagedSlice stage(UUID client, long run, List<NewPayslip> payslips) {
        // The client and run begin every row: written once per slice, not formatted again per row.
        String prefix = client + "\t" + run + "\t";
        StringBuilder rows = new StringBuilder(BUFFER);
        for (NewPayslip p : payslips) {
            PayslipCalculation.Result r = p.result();
            rows.append(prefix).append(p.employeeId()).append('\t').append(p.ordinal()).append('\t');
            text(rows, p.employeeNumber()).append('\t');
            text(rows, p.employeeName()).append('\t').append(r.gross().toPlainString()).append('\t')
                    .append(r.tax().toPlainString()).append('\t').append(r.employeeContributions().toPlainString()).append('\t')
                    .append(r.employerContributions().toPlainString()).append('\t').append(r.deductions().toPlainString())
                    .append('\t').append(r.net().toPlainString()).append('\t').append(p.hasBankAccount() ? 't' : 'f').append('\t');
            text(rows, r.anomalies().isEmpty() ? null : String.join("\n", r.anomalies())).append('\t');
            lines(rows, r.lines());
            rows.append('\n');
        }
        return new StagedSlice(rows.toString().getBytes(StandardCharsets.UTF_8), payslips.size());
    }

    /** The five line arrays (sections, codes, amounts, bases, rules) as COPY text array literals. */
    private static void lines(StringBuilder rows, List<PayslipCalculation.Line> lines) {
        rows.append('{');
        for (int i = 0; i < lines.size(); i++) {
            rows.append(i == 0 ? "" : ",").append(lines.get(i).section().letter());
        }
        rows.append("}\t{");
        for (int i = 0; i < lines.size(); i++) {
            element(rows.append(i == 0 ? "" : ","), lines.get(i).code());
        }
        rows.append("}\t{");
        for (int i = 0; i < lines.size(); i++) {
            rows.append(i == 0 ? "" : ",").append(lines.get(i).amount().toPlainString());
        }
        rows.append("}\t{");
        for (int i = 0; i < lines.size(); i++) {
            Money base = lines.get(i).base();
            rows.append(i == 0 ? "" : ",").append(base == null ? "NULL" : base.toPlainString());
        }
        rows.append("}\t{");
        for (int i = 0; i < lines.size(); i++) {
            element(rows.append(i == 0 ? "" : ","), lines.get(i).rule());
        }
        rows.append('}');
    }

    /**
     * One text element of an array literal, quoted, inside COPY text: the array's escapes (a backslash
     * before a quote or backslash) and then COPY's (backslashes doubled, control characters escaped).
     */
    private static void element(StringBuilder rows, String value) {
        rows.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\\\\\");
                case '"' -> rows.append("\\\\\"");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
        rows.append('"');
    }

    /** Stores a staged slice: COPY into the session's staging table, then into the row-level-secured table. */
    public void store(StagedSlice slice) {
        if (slice.count() == 0) {
            return;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            copy(connection, "copy staged_payslip (client_id, run_id, employee_id, ordinal, employee_number, employee_name, gross, tax, "
                    + "employee_contributions, employer_contributions, deductions, net, has_bank_account, anomalies, line_sections, "
                    + "line_codes, line_amounts, line_bases, line_rules) from stdin", slice.payslips());
        } catch (SQLException e) {
            throw SqlFailures.translated("Storing payslips", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        jdbc.sql("insert into payroll.payslip select * from staged_payslip").update();
        jdbc.sql("truncate staged_payslip").update();
    }

    private static void copy(Connection connection, String sql, byte[] rows) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            copy.writeToCopy(rows, 0, rows.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static final String PAYSLIPS = """
            select p.*, r.first_payslip_number, r.currency from payroll.payslip p
            join payroll.pay_run r on r.client_id = p.client_id and r.id = p.run_id
            where p.client_id = ? and p.run_id = ?""";

    private static final RowMapper<Payslip> PAYSLIP = (rs, n) -> {
        Long first = (Long) rs.getObject("first_payslip_number");
        String anomalies = rs.getString("anomalies");
        return new Payslip(rs.getLong("run_id"), rs.getObject("employee_id", UUID.class), rs.getString("employee_number"),
                rs.getString("employee_name"), first == null ? null : first + rs.getInt("ordinal"), rs.getString("currency"),
                plain(rs.getBigDecimal("gross")), plain(rs.getBigDecimal("tax")), plain(rs.getBigDecimal("employee_contributions")),
                plain(rs.getBigDecimal("employer_contributions")), plain(rs.getBigDecimal("deductions")),
                plain(rs.getBigDecimal("net")), rs.getBoolean("has_bank_account"),
                anomalies == null ? List.of() : Arrays.asList(anomalies.split("\n")), List.of());
    };

    /** A page of the run's payslips by employee number, without their lines. */
    public List<Payslip> payslips(UUID client, long run, String afterNumber, int limit) {
        return jdbc.sql(PAYSLIPS + " and p.employee_number > ? order by p.employee_number limit ?")
                .params(client, run, afterNumber, limit).query(PAYSLIP).list();
    }

    /** One employee's payslip with its lines. */
    public Optional<Payslip> payslip(UUID client, long run, UUID employee) {
        return jdbc.sql(PAYSLIPS + " and p.employee_id = ?").params(client, run, employee).query(PAYSLIP).optional()
                .map(p -> new Payslip(p.runId(), p.employeeId(), p.employeeNumber(), p.employeeName(), p.number(), p.currency(),
                        p.gross(), p.tax(), p.employeeContributions(), p.employerContributions(), p.deductions(), p.net(),
                        p.hasBankAccount(), p.anomalies(), lines(client, run, employee)));
    }

    private List<Payslip.Line> lines(UUID client, long run, UUID employee) {
        return jdbc.sql("""
                        select * from payroll.payslip_line where client_id = ? and run_id = ? and employee_id = ? order by line_no""")
                .params(client, run, employee)
                .query((rs, n) -> new Payslip.Line(PayslipCalculation.Section.of(rs.getString("section").charAt(0)).name(),
                        rs.getString("code"), plain(rs.getBigDecimal("amount")),
                        rs.getBigDecimal("base") == null ? null : plain(rs.getBigDecimal("base")), rs.getString("rule"))).list();
    }

    public boolean anyNegativeNet(UUID client, long run) {
        return jdbc.sql("select exists (select 1 from payroll.payslip where client_id = ? and run_id = ? and net < 0)")
                .params(client, run).query(Boolean.class).single();
    }

    /** Takes the run's range of payslip numbers from the client's counter; returns the first number less one. */
    public long takeNumbers(UUID client, long run, int count) {
        jdbc.sql("insert into payroll.payslip_counter (client_id, last_number) values (?, 0) on conflict do nothing").param(client).update();
        long last = jdbc.sql("update payroll.payslip_counter set last_number = last_number + ? where client_id = ? returning last_number")
                .params(count, client).query(Long.class).single();
        long base = last - count;
        jdbc.sql("update payroll.pay_run set first_payslip_number = ? where client_id = ? and id = ?").params(base, client, run).update();
        return base;
    }

    public void finalised(UUID client, long run, Instant at) {
        jdbc.sql("update payroll.pay_run set status = 'FINALISED', finalised_at = ? where client_id = ? and id = ?")
                .params(Timestamp.from(at), client, run).update();
    }

    /** Adds the run's payslips to the employees' figures to date; a run already applied to a row is not added again. */
    public void carryToDate(UUID client, long run, String taxYear, boolean regular) {
        jdbc.sql("""
                        insert into payroll.to_date as td (client_id, employee_id, tax_year, gross, tax, employee_contributions,
                            employer_contributions, net, last_regular_net, last_run)
                        select client_id, employee_id, ?, gross, tax, employee_contributions, employer_contributions, net,
                               case when ? then net end, run_id
                        from payroll.payslip where client_id = ? and run_id = ?
                        on conflict (client_id, employee_id, tax_year) do update set
                            gross = td.gross + excluded.gross, tax = td.tax + excluded.tax,
                            employee_contributions = td.employee_contributions + excluded.employee_contributions,
                            employer_contributions = td.employer_contributions + excluded.employer_contributions,
                            net = td.net + excluded.net,
                            last_regular_net = coalesce(excluded.last_regular_net, td.last_regular_net),
                            last_run = excluded.last_run
                        where td.last_run <> excluded.last_run""")
                .params(taxYear, regular, client, run).update();
    }

    /** Marks the one-off items the run paid: those received by its last calculation (and its cut-off), not later ones. */
    public void markItemsPaid(UUID client, long run, String group, PaySchedule.Period period, boolean offCycle) {
        jdbc.sql("""
                        update payroll.pay_item i set paid_in_run = ? from payroll.payslip p, payroll.pay_run r
                        where i.client_id = ? and p.client_id = i.client_id and p.run_id = ? and p.employee_id = i.employee_id
                          and r.client_id = p.client_id and r.id = p.run_id
                          and i.created_at <= least(coalesce(r.inputs_close_at, r.prepared_at), r.prepared_at)
                          and not i.recurring and i.paid_in_run is null and i.off_cycle = ? and i.starts_on <= ?""")
                .params(run, client, run, offCycle, Date.valueOf(period.end())).update();
    }

    /** Sums for the journal: amount per section and code, gross and net. */
    public List<Map<String, Object>> journalSums(UUID client, long run) {
        return jdbc.sql("""
                        select l.section, l.code, sum(l.amount) amount
                        from payroll.payslip p cross join lateral unnest(p.line_sections, p.line_codes, p.line_amounts) l (section, code, amount)
                        where p.client_id = ? and p.run_id = ? and l.section in ('T', 'D', 'R') group by l.section, l.code
                        union all
                        select 'G', 'GROSS', coalesce(sum(gross), 0) from payroll.payslip where client_id = ? and run_id = ?
                        union all
                        select 'N', 'NET', coalesce(sum(net), 0) from payroll.payslip where client_id = ? and run_id = ?
                        order by 1, 2""")
                .params(client, run, client, run, client, run).query().listOfRows();
    }

    /**
     * Writes a payment instruction per payslip with a positive net and a bank account; returns how many are new.
     * A correction run pays each employee its net less what the reversed runs it corrects (the whole chain)
     * paid them, and nothing when that is not positive: what was paid is never paid twice.
     */
    public int instruct(UUID client, long run, Instant at) {
        return jdbc.sql("""
                        with recursive chain (id) as (
                            select corrects from payroll.pay_run where client_id = ? and id = ? and corrects is not null
                            union all
                            select r.corrects from payroll.pay_run r join chain c on r.client_id = ? and r.id = c.id
                            where r.corrects is not null),
                        paid as (
                            select employee_id, sum(amount) amount from payroll.payment_instruction
                            where client_id = ? and run_id in (select id from chain) group by employee_id)
                        insert into payroll.payment_instruction (client_id, run_id, employee_id, amount, currency, pay_date,
                            bank_scheme, bank_account, bank_masked, reference, created_at)
                        select p.client_id, p.run_id, p.employee_id, p.net - coalesce(paid.amount, 0), r.currency, r.pay_date,
                               e.bank_scheme, e.bank_account, e.bank_masked, 'PAY ' || r.id || ' ' || (r.first_payslip_number + p.ordinal), ?
                        from payroll.payslip p
                        join payroll.pay_run r on r.client_id = p.client_id and r.id = p.run_id
                        join payroll.employee e on e.client_id = p.client_id and e.id = p.employee_id
                        left join paid on paid.employee_id = p.employee_id
                        where p.client_id = ? and p.run_id = ? and p.net - coalesce(paid.amount, 0) > 0 and e.bank_account is not null
                        on conflict do nothing""")
                .params(client, run, client, client, Timestamp.from(at), client, run).update();
    }

    /** Inserts the reversal of a finalised run: a run of kind REVERSAL whose payslips and lines negate the original's. */
    public long insertReversal(UUID client, long original, String reason, UUID by, String byName, Instant at) {
        long id = jdbc.sql("""
                        insert into payroll.pay_run (client_id, pay_group, kind, period_start, period_end, pay_date, cut_off, tax_year,
                            period_number, frequency, currency, status, prepared_by, prepared_by_name, prepared_at, reverses, reopen_reason)
                        select client_id, pay_group, 'REVERSAL', period_start, period_end, pay_date, cut_off, tax_year, period_number,
                               frequency, currency, 'PREPARED', ?, ?, ?, id, ?
                        from payroll.pay_run where client_id = ? and id = ? returning id""")
                .params(by, byName, Timestamp.from(at), reason, client, original).query(Long.class).single();
        jdbc.sql("""
                        insert into payroll.payslip (client_id, run_id, employee_id, ordinal, employee_number, employee_name, gross, tax,
                            employee_contributions, employer_contributions, deductions, net, has_bank_account, anomalies,
                            line_sections, line_codes, line_amounts, line_bases, line_rules)
                        select client_id, ?, employee_id, ordinal, employee_number, employee_name, -gross, -tax, -employee_contributions,
                               -employer_contributions, -deductions, -net, has_bank_account, null, line_sections, line_codes,
                               array(select -a from unnest(line_amounts) with ordinality x (a, n) order by n),
                               array(select -b from unnest(line_bases) with ordinality x (b, n) order by n),
                               array(select 'Reversal of pay run ' || ? || ': ' || r from unnest(line_rules) with ordinality x (r, n) order by n)
                        from payroll.payslip where client_id = ? and run_id = ?""")
                .params(id, original, client, original).update();
        total(client, id);
        return id;
    }

    /** The original is reversed: its status, the reversal that did it; its one-off items are owed again. */
    public void reversed(UUID client, long original, long reversal) {
        jdbc.sql("update payroll.pay_run set status = 'REVERSED', reversed_by = ? where client_id = ? and id = ?")
                .params(reversal, client, original).update();
        jdbc.sql("update payroll.pay_item set paid_in_run = null where client_id = ? and paid_in_run = ?").params(client, original).update();
    }

    public void corrects(UUID client, long run, long original) {
        jdbc.sql("update payroll.pay_run set corrects = ? where client_id = ? and id = ?").params(original, client, run).update();
    }

    public void paid(UUID client, long run, Instant at) {
        jdbc.sql("update payroll.pay_run set status = 'PAID', paid_at = ? where client_id = ? and id = ?")
                .params(Timestamp.from(at), client, run).update();
    }

    /** The run's payment instructions, account masked. */
    public List<Map<String, Object>> instructions(UUID client, long run) {
        return jdbc.sql("""
                        select i.employee_id, p.employee_number, p.employee_name, i.amount::text amount, i.currency, i.pay_date::text pay_date, i.bank_scheme,
                               i.bank_masked, i.reference from payroll.payment_instruction i
                        join payroll.payslip p on p.client_id = i.client_id and p.run_id = i.run_id and p.employee_id = i.employee_id
                        where i.client_id = ? and i.run_id = ? order by p.employee_number""")
                .params(client, run).query().listOfRows();
    }

    /** A payment instruction with the employee's account still sealed, for the bank file. */
    public record SealedInstruction(UUID employeeId, String employeeNumber, String employeeName, BigDecimal amount, byte[] sealedAccount, String reference) {
    }

    /** The run's payment instructions in employee-number order, accounts sealed. */
    public List<SealedInstruction> sealedInstructions(UUID client, long run) {
        return jdbc.sql("""
                        select i.employee_id, p.employee_number, p.employee_name, i.amount, i.bank_account, i.reference from payroll.payment_instruction i
                        join payroll.payslip p on p.client_id = i.client_id and p.run_id = i.run_id and p.employee_id = i.employee_id
                        where i.client_id = ? and i.run_id = ? order by p.employee_number""")
                .params(client, run)
                .query((rs, n) -> new SealedInstruction(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getBytes(5), rs.getString(6))).list();
    }

    /** A stored bank file. */
    public record StoredBankFile(String format, String fileName, String mediaType, byte[] content, int payments, BigDecimal total,
                                 String currency, Instant createdAt) {
    }

    /** Stores the run's bank file; false when the run has one already (the first is kept). */
    public boolean insertBankFile(UUID client, long run, StoredBankFile file) {
        return jdbc.sql("""
                        insert into payroll.bank_file (client_id, run_id, format, file_name, media_type, content, payments, total,
                            currency, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(client, run, file.format(), file.fileName(), file.mediaType(), file.content(), file.payments(), file.total(),
                        file.currency(), Timestamp.from(file.createdAt())).update() == 1;
    }

    public Optional<StoredBankFile> bankFile(UUID client, long run) {
        return jdbc.sql("select * from payroll.bank_file where client_id = ? and run_id = ?").params(client, run)
                .query((rs, n) -> new StoredBankFile(rs.getString("format"), rs.getString("file_name"), rs.getString("media_type"),
                        rs.getBytes("content"), rs.getInt("payments"), rs.getBigDecimal("total"), rs.getString("currency"),
                        rs.getTimestamp("created_at").toInstant())).optional();
    }

    public Optional<Map<String, Object>> toDate(UUID client, UUID employee, String taxYear) {
        return jdbc.sql("""
                        select tax_year, gross::text gross, tax::text tax, employee_contributions::text employee_contributions,
                               employer_contributions::text employer_contributions, net::text net, last_run
                        from payroll.to_date where client_id = ? and employee_id = ? and tax_year = ?""")
                .params(client, employee, taxYear).query().listOfRows().stream().findFirst();
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return Money.of(amount, currency);
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static StringBuilder text(StringBuilder rows, @Nullable String value) {
        if (value == null) {
            return rows.append("\\N");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
        return rows;
    }
}
