package org.openbpo.demo;

import org.junit.jupiter.api.Test;
import org.openbpo.payroll.Employees;
import org.openbpo.payroll.PayGroups;
import org.openbpo.payroll.PayRun;
import org.openbpo.payroll.PayRuns;
import org.openbpo.payroll.PayrollReports;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's payroll: each client has employees, a paid run with payslips and a bank file, and a run awaiting its approval. */
class DemoPayrollTest extends IntegrationTest {

    @Autowired
    DemoData demoData;
    @Autowired
    Clients clients;
    @Autowired
    Employees employees;
    @Autowired
    PayGroups groups;
    @Autowired
    PayRuns runs;
    @Autowired
    PayrollReports reports;
    @Autowired
    org.openbpo.payroll.PayrollQuestions questions;

    @Test
    void everyDemoClientHasAPaidRunWithItsBankFileAndARunAwaitingApproval() {
        demoData.loadOnce();
        Map<String, String> formats = Map.of("LAKESHORE", "NACHA", "ALBION", "BACS", "KAVERI", "CSV");
        TenantScope.run(AllowedClients.ALL, () -> {
            int seen = 0;
            for (Client client : clients.page(null, 10_000)) {
                if (!formats.containsKey(client.code())) {
                    continue;
                }
                seen++;
                assertThat(employees.page(client.id(), null, 100).items()).as(client.code()).hasSize(6);
                assertThat(groups.of(client.id())).as(client.code()).hasSize(1);
                List<PayRun> all = runs.latest(client.id(), Long.MAX_VALUE, 10);
                assertThat(all).extracting(PayRun::status).as(client.code())
                        .containsExactly(PayRun.Status.AWAITING_CLIENT, PayRun.Status.PAID);
                PayRun paid = all.get(1);
                assertThat(paid.employees()).isEqualTo(6);
                assertThat(runs.payslips(client.id(), paid.id(), "", 10)).allSatisfy(p -> assertThat(p.number()).isNotNull());
                var file = runs.bankFile(client.id(), paid.id(), providerAdministrator());
                assertThat(file.format()).as(client.code()).isEqualTo(formats.get(client.code()));
                assertThat(file.payments()).isEqualTo(6);
                assertThat(file.total()).isEqualTo(paid.net());
                var register = new java.io.StringWriter();
                reports.register(client.id(), paid.id(), register);
                assertThat(register.toString().lines().count()).as("header and six payslips").isEqualTo(7);
                assertThat(reports.payslipPdf(client.id(), paid.id(), runs.payslips(client.id(), paid.id(), "", 1).getFirst().employeeId()))
                        .startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
                long asked = employees.page(client.id(), null, 100).items().stream()
                        .mapToLong(e -> questions.ofEmployee(client.id(), e.id()).size()).sum();
                assertThat(asked).as(client.code() + ": an employee's payroll question waits on Lakeshore's question line")
                        .isEqualTo(client.code().equals("LAKESHORE") ? 1 : 0);
            }
            assertThat(seen).isEqualTo(3);
        });
    }
}
