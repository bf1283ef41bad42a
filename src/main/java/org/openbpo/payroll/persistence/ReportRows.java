package org.openbpo.payroll.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The register of a run and the sums behind the tax liability reports, over finalised and paid runs only. */
@Repository("payrollReportRows")
public class ReportRows {

    /** One line code's total over a period: amount and the base it was charged on. */
    public record CodeTotal(String section, String code, String currency, BigDecimal amount, BigDecimal base) {
    }

    private final JdbcClient jdbc;

    ReportRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the run's register as CSV, one payslip a row, streaming. */
    public void register(UUID client, long run, Writer out) {
        try {
            out.write("number,employee_number,employee_name,gross,tax,employee_contributions,deductions,net,employer_contributions,anomalies\n");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("""
                        select r.first_payslip_number + p.ordinal number, p.* from payroll.payslip p
                        join payroll.pay_run r on r.client_id = p.client_id and r.id = p.run_id
                        where p.client_id = ? and p.run_id = ? order by p.ordinal""")
                .params(client, run).withFetchSize(2000)
                .query(rs -> {
                    try {
                        Object number = rs.getObject("number");
                        out.write((number == null ? "" : number.toString()) + "," + csv(rs.getString("employee_number")) + ","
                                + csv(rs.getString("employee_name")) + "," + rs.getBigDecimal("gross").toPlainString() + ","
                                + rs.getBigDecimal("tax").toPlainString() + "," + rs.getBigDecimal("employee_contributions").toPlainString()
                                + "," + rs.getBigDecimal("deductions").toPlainString() + "," + rs.getBigDecimal("net").toPlainString() + ","
                                + rs.getBigDecimal("employer_contributions").toPlainString() + ","
                                + csv(rs.getString("anomalies") == null ? "" : rs.getString("anomalies").replace('\n', ';')) + "\n");
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    /** Totals per line code of the country's finalised runs paid between the dates (a reversed run and its reversal cancel out). */
    public List<CodeTotal> totals(UUID client, String country, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select l.section, l.code, r.currency, sum(l.amount) amount, coalesce(sum(l.base), 0) base
                        from payroll.payslip p
                        cross join lateral unnest(p.line_sections, p.line_codes, p.line_amounts, p.line_bases) l (section, code, amount, base)
                        join payroll.pay_run r on r.client_id = p.client_id and r.id = p.run_id
                        join payroll.pay_group g on g.client_id = r.client_id and g.code = r.pay_group
                        where p.client_id = ? and g.country = ? and r.status in ('FINALISED', 'PAID', 'REVERSED') and r.pay_date between ? and ?
                        group by l.section, l.code, r.currency order by l.section, l.code""")
                .params(client, country, Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new CodeTotal(rs.getString("section"), rs.getString("code"), rs.getString("currency"),
                        rs.getBigDecimal("amount"), rs.getBigDecimal("base"))).list();
    }

    /** One GB run's employer (secondary) Class 1 NICs; a reversal run's are negative and name the run it reverses. */
    public record RunEmployerNics(long run, @org.jspecify.annotations.Nullable Long reverses, String taxYear, LocalDate payDate,
                                  BigDecimal employerNics) {
    }

    /** The employer NICs of each finalised GB run paid between the dates, in pay-run order. */
    public List<RunEmployerNics> employerNicsByRun(UUID client, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select r.id, r.reverses, r.tax_year, r.pay_date,
                            coalesce(sum(l.amount) filter (where l.section = 'R' and l.code = 'NI_ER'), 0) employer_nics
                        from payroll.pay_run r
                        join payroll.pay_group g on g.client_id = r.client_id and g.code = r.pay_group
                        left join payroll.payslip p on p.client_id = r.client_id and p.run_id = r.id
                        left join lateral unnest(p.line_sections, p.line_codes, p.line_amounts) l (section, code, amount) on true
                        where r.client_id = ? and g.country = 'GB' and r.status in ('FINALISED', 'PAID', 'REVERSED')
                          and r.pay_date between ? and ?
                        group by r.client_id, r.id order by r.pay_date, r.id""")
                .params(client, Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new RunEmployerNics(rs.getLong("id"), rs.getObject("reverses", Long.class), rs.getString("tax_year"),
                        rs.getDate("pay_date").toLocalDate(), rs.getBigDecimal("employer_nics"))).list();
    }

    /** One month's EPF wages (the wages EPF is paid on, EPF_EE's base) of the finalised IN runs paid in it. */
    public record MonthEpfWages(LocalDate month, BigDecimal wages) {
    }

    /** The EPF wages of each month in which finalised IN runs were paid between the dates; a reversal's count negative. */
    public List<MonthEpfWages> epfWagesByMonth(UUID client, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select date_trunc('month', r.pay_date)::date paid_in,
                            coalesce(sum(l.base) filter (where l.code = 'EPF_EE'), 0) wages
                        from payroll.pay_run r
                        join payroll.pay_group g on g.client_id = r.client_id and g.code = r.pay_group
                        left join payroll.payslip p on p.client_id = r.client_id and p.run_id = r.id
                        left join lateral unnest(p.line_codes, p.line_bases) l (code, base) on true
                        where r.client_id = ? and g.country = 'IN' and r.status in ('FINALISED', 'PAID', 'REVERSED')
                          and r.pay_date between ? and ?
                        group by 1 order by 1""")
                .params(client, Date.valueOf(from), Date.valueOf(to))
                .query((rs, n) -> new MonthEpfWages(rs.getDate("paid_in").toLocalDate(), rs.getBigDecimal("wages"))).list();
    }

    /** Gross pay and net pay of the country's finalised runs paid between the dates. */
    public Map<String, Object> pay(UUID client, String country, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select coalesce(sum(p.gross), 0) gross, coalesce(sum(p.net), 0) net, count(distinct p.employee_id) employees
                        from payroll.payslip p
                        join payroll.pay_run r on r.client_id = p.client_id and r.id = p.run_id
                        join payroll.pay_group g on g.client_id = r.client_id and g.code = r.pay_group
                        where p.client_id = ? and g.country = ? and r.status in ('FINALISED', 'PAID', 'REVERSED') and r.pay_date between ? and ?""")
                .params(client, country, Date.valueOf(from), Date.valueOf(to)).query().singleRow();
    }

    /** Employees paid for a period that includes the day (Form 941 line 1: the 12th of the quarter's last month). */
    public long employeesPaidFor(UUID client, String country, LocalDate day) {
        return jdbc.sql("""
                        select count(distinct p.employee_id) from payroll.payslip p
                        join payroll.pay_run r on r.client_id = p.client_id and r.id = p.run_id
                        join payroll.pay_group g on g.client_id = r.client_id and g.code = r.pay_group
                        where p.client_id = ? and g.country = ? and r.status in ('FINALISED', 'PAID') and r.kind = 'REGULAR'
                          and r.period_start <= ? and r.period_end >= ? and p.gross > 0""")
                .params(client, country, Date.valueOf(day), Date.valueOf(day)).query(Long.class).single();
    }

    /** The employee's payslip language, if they gave one. */
    public @org.jspecify.annotations.Nullable String language(UUID client, UUID employee) {
        return jdbc.sql("select language from payroll.employee where client_id = ? and id = ?").params(client, employee)
                .query((rs, n) -> java.util.Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o).orElse(null);
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
