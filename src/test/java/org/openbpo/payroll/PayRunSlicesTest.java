package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pay group larger than a slice is calculated over several slices, a calculation thread working on one
 * while the database stores the one before: every employee gets exactly one payslip, numbered in employee
 * order without gaps, and employees with the same pay and tax data get the same payslip whichever slice
 * they fell in.
 */
class PayRunSlicesTest extends IntegrationTest {

    private static final int EMPLOYEES = 2 * PayRuns.SLICE + 1_234;
    private static final int SALARIES = 97;

    @Autowired
    ApplicationContext context;
    @Autowired
    PayRuns runs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aPayGroupOfSeveralSlicesGetsOnePayslipEachInEmployeeOrder() {
        PayrollSetup.Setup setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        UUID client = setup.client().id();
        AllowedClients only = AllowedClients.only(client);
        TenantScope.run(only, () -> transactions.executeWithoutResult(tx -> jdbc.sql("""
                        insert into payroll.employee (client_id, id, employee_number, given_name, family_name, country, tax_residence,
                            pay_group, start_date, pay_basis, annual_salary, bank_scheme, bank_account, bank_masked, tax_data,
                            created_at, updated_at)
                        select ?, gen_random_uuid(), 'S' || lpad(i::text, 6, '0'), 'Given' || i, 'Family' || i, 'US', 'NY', 'US-BW',
                               date '2025-01-01', 'SALARY', 30000 + (i % ?) * 1750.25, case when i % 50 <> 0 then 'US_ABA' end,
                               case when i % 50 <> 0 then decode(md5(i::text), 'hex') end, case when i % 50 <> 0 then '****0000' end,
                               jsonb_build_object('filingStatus', (array['SINGLE','MFJ','HOH'])[1 + (i % ?) % 3], 'w4Step2', 'false',
                                   'w4Exempt', 'false', 'w4Year', '2020'), now(), now()
                        from generate_series(1, ?) i""").params(client, SALARIES, SALARIES, EMPLOYEES).update()));

        CurrentUser preparer = CurrentUser.of(setup.preparer());
        PayRun run = TenantScope.call(preparer.allowedClients(), () -> runs.prepare(client,
                new PreparePayRun("US-BW", LocalDate.of(2026, 2, 27), PayRun.Kind.REGULAR), preparer));

        assertThat(run.employees()).isEqualTo(EMPLOYEES);
        Map<String, Object> numbering = TenantScope.call(only, () -> transactions.execute(tx -> jdbc.sql("""
                        select count(*) payslips, count(distinct ordinal) ordinals, min(ordinal) first, max(ordinal) last,
                               count(*) filter (where ordinal <> position) out_of_order
                        from (select ordinal, row_number() over (order by employee_id) position
                              from payroll.payslip where client_id = ? and run_id = ?) p""")
                .params(client, run.id()).query().singleRow()));
        assertThat(numbering).containsEntry("payslips", (long) EMPLOYEES).containsEntry("ordinals", (long) EMPLOYEES)
                .containsEntry("first", 1).containsEntry("last", EMPLOYEES).containsEntry("out_of_order", 0L);

        List<Map<String, Object>> alike = TenantScope.call(only, () -> transactions.execute(tx -> jdbc.sql("""
                        select e.annual_salary, e.tax_data ->> 'filingStatus' status, count(*) employees,
                               count(distinct (p.gross, p.tax, p.employee_contributions, p.employer_contributions, p.net)) outcomes,
                               count(distinct p.ordinal / ?) slices,
                               count(distinct cardinality(p.line_codes)) line_counts
                        from payroll.payslip p join payroll.employee e on e.client_id = p.client_id and e.id = p.employee_id
                        where p.client_id = ? and p.run_id = ?
                        group by 1, 2""").params(PayRuns.SLICE, client, run.id()).query().listOfRows()));
        assertThat(alike).hasSize(SALARIES);
        String plan = TenantScope.call(only, () -> transactions.execute(tx -> {
            UUID someone = jdbc.sql("select employee_id from payroll.payslip where client_id = ? and run_id = ? limit 1")
                    .params(client, run.id()).query(UUID.class).single();
            return String.join("\n", jdbc.sql("""
                            explain select * from payroll.payslip_line where client_id = ? and run_id = ? and employee_id = ?
                            order by line_no""").params(client, run.id(), someone).query(String.class).list());
        }));
        assertThat(plan).as("one employee's payslip is found by its key, not by reading the run").contains("payslip_pkey");
        assertThat(alike).allSatisfy(group -> {
            assertThat((Long) group.get("slices")).as("employees of %s", group).isGreaterThan(1L);
            assertThat(group).as("one outcome per pay and tax data").containsEntry("outcomes", 1L).containsEntry("line_counts", 1L);
        });
        long withoutBank = TenantScope.call(only, () -> transactions.execute(tx -> jdbc.sql(
                "select count(*) from payroll.payslip where client_id = ? and run_id = ? and not has_bank_account")
                .params(client, run.id()).query(Long.class).single()));
        assertThat(withoutBank).isEqualTo(EMPLOYEES / 50);
        assertThat(run.anomalies()).as("a missing bank account is an anomaly").isGreaterThanOrEqualTo(EMPLOYEES / 50);
    }

    @Test
    void theDatabaseRefusesAPayslipWithoutItsRunOrEmployeeAndNeverDeletesEmployeesOrRuns() {
        PayrollSetup.Setup setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        UUID client = setup.client().id();
        AllowedClients only = AllowedClients.only(client);
        UUID employee = TenantScope.call(only, () -> transactions.execute(tx -> jdbc.sql("""
                        insert into payroll.employee (client_id, id, employee_number, given_name, family_name, country, tax_residence,
                            pay_group, start_date, pay_basis, annual_salary, tax_data, created_at, updated_at)
                        values (?, gen_random_uuid(), 'K1', 'Kim', 'Lee', 'US', 'NY', 'US-BW', date '2025-01-01', 'SALARY', 52000,
                                '{"filingStatus": "SINGLE"}', now(), now()) returning id""").param(client).query(UUID.class).single()));
        CurrentUser preparer = CurrentUser.of(setup.preparer());
        PayRun run = TenantScope.call(preparer.allowedClients(), () -> runs.prepare(client,
                new PreparePayRun("US-BW", LocalDate.of(2026, 2, 27), PayRun.Kind.REGULAR), preparer));
        String payslip = """
                insert into payroll.payslip (client_id, run_id, employee_id, ordinal, employee_number, employee_name, gross, tax,
                    employee_contributions, employer_contributions, deductions, net, has_bank_account, line_sections, line_codes,
                    line_amounts, line_bases, line_rules)
                values (?, ?, ?, ?, 'X', 'X', 0, 0, 0, 0, 0, 0, false, '{}', '{}', '{}', '{}', '{}')""";

        assertThat(sqlState(() -> TenantScope.run(only, () -> transactions.executeWithoutResult(tx ->
                jdbc.sql(payslip).params(client, run.id(), UUID.randomUUID(), 99).update())))).isEqualTo("23503");
        assertThat(sqlState(() -> TenantScope.run(only, () -> transactions.executeWithoutResult(tx ->
                jdbc.sql(payslip).params(client, run.id() + 1_000_000, employee, 99).update())))).isEqualTo("23503");
        assertThat(sqlState(() -> TenantScope.run(only, () -> transactions.executeWithoutResult(tx -> jdbc.sql("""
                        insert into payroll.to_date (client_id, employee_id, tax_year, gross, tax, employee_contributions,
                            employer_contributions, net, last_run) values (?, ?, '2026', 0, 0, 0, 0, 0, 0)""")
                .params(client, UUID.randomUUID()).update())))).isEqualTo("23503");
        assertThat(sqlState(() -> TenantScope.run(only, () -> transactions.executeWithoutResult(tx ->
                jdbc.sql("delete from payroll.employee where client_id = ? and id = ?").params(client, employee).update()))))
                .as("the application may not delete, and the tables refuse it anyway").isIn("42501", "PR002");
        assertThat(sqlState(() -> TenantScope.run(only, () -> transactions.executeWithoutResult(tx ->
                jdbc.sql("delete from payroll.pay_run where client_id = ? and id = ?").params(client, run.id()).update()))))
                .isIn("42501", "PR002");
        Long payslips = TenantScope.call(only, () -> transactions.execute(tx -> jdbc.sql(
                "select count(*) from payroll.payslip where client_id = ? and run_id = ?").params(client, run.id())
                .query(Long.class).single()));
        assertThat(payslips).as("nothing added by the refused statements").isEqualTo(1L);
    }

    private static String sqlState(Runnable statement) {
        try {
            statement.run();
        } catch (RuntimeException refused) {
            for (Throwable cause = refused; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                    return sql.getSQLState();
                }
            }
            throw refused;
        }
        throw new AssertionError("the statement was not refused");
    }
}
