package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A regular run takes inputs until its cut-off: one-off items received later go to the next run, and hours
 * for its period received later are refused with a problem naming the cut-off.
 */
class PayrollCutOffTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void inputsAfterTheCutOffGoToTheNextRunOrAreRefused() {
        Instant before = clock.instant();
        try {
            clock.set(Instant.parse("2026-02-20T10:00:00Z"));
            PayrollSetup.Setup setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
            String base = "/api/v1/clients/" + setup.client().id() + "/payroll";
            Api hr = api().as(setup.preparerToken());
            // February 2026 for UK-M: period ends Sat 28 Feb, paid Fri 27 Feb, cut-off three business days before: Tue 24 Feb.
            String ada = PayRunLifecycleTest.hired(hr.post(base + "/employees", PayrollSetup.ukEmployee("E1")));
            Map<String, Object> hourly = PayrollSetup.ukEmployee("E2");
            hourly.put("payBasis", "HOURLY");
            hourly.remove("annualSalary");
            hourly.put("hourlyRate", "20.00");
            hourly.put("standardHours", "160");
            PayRunLifecycleTest.hired(hr.post(base + "/employees", hourly));
            Api.Response prepared = hr.post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-02-28"));
            assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(201);
            assertThat(prepared.text("cutOff")).isEqualTo("2026-02-24");
            long february = prepared.body().path("id").asLong();

            clock.set(Instant.parse("2026-02-24T16:00:00Z"));
            assertThat(item(hr, base, ada, "ON_TIME", "150.00").status()).isEqualTo(201);
            assertThat(hr.post(base + "/timesheets", "text/csv", "employeeNumber,periodEnd,hours\nE2,2026-02-28,150\n"
                    .getBytes(StandardCharsets.UTF_8)).status()).as("hours on the cut-off day are on time").isEqualTo(200);

            clock.set(Instant.parse("2026-02-25T09:00:00Z"));
            assertThat(item(hr, base, ada, "LATE", "90.00").status()).as("accepted, for the next run").isEqualTo(201);
            Api.Response lateHours = hr.post(base + "/timesheets", "text/csv", "employeeNumber,periodEnd,hours\nE2,2026-02-28,152\n"
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(lateHours.status()).isEqualTo(422);
            JsonNode problem = lateHours.body().path("errors").get(0);
            assertThat(problem.path("row").asInt()).isEqualTo(2);
            assertThat(problem.path("field").asString()).isEqualTo("periodEnd");
            assertThat(problem.path("reason").asString()).contains("2026-02-24").contains("pay run " + february);

            assertThat(hr.post(base + "/pay-runs/" + february + "/recalculation", Map.of()).status()).isEqualTo(200);
            JsonNode slip = hr.get(base + "/pay-runs/" + february + "/payslips/" + ada).body();
            assertThat(slip.path("gross").asString()).as("3,500 salary + the on-time item; the late one waits").isEqualTo("3650.00");
            hr.post(base + "/pay-runs/" + february + "/submission", Map.of());
            api().as(setup.checkerToken()).post(base + "/pay-runs/" + february + "/check", Map.of("decision", "APPROVE"));
            api().as(setup.approverToken()).post(base + "/pay-runs/" + february + "/client-approval", Map.of("decision", "APPROVE"));
            assertThat(api().as(setup.managerToken()).post(base + "/pay-runs/" + february + "/finalisation", Map.of()).text("status"))
                    .isEqualTo("FINALISED");

            clock.set(Instant.parse("2026-03-20T09:00:00Z"));
            long march = hr.post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-03-31")).body().path("id").asLong();
            assertThat(hr.get(base + "/pay-runs/" + march + "/payslips/" + ada).body().path("gross").asString())
                    .as("the late item is paid by the next run, once").isEqualTo("3590.00");
        } finally {
            clock.set(before);
        }
    }

    private static Api.Response item(Api hr, String base, String employee, String code, String amount) {
        return hr.post(base + "/employees/" + employee + "/pay-items", Map.of("kind", "EARNING", "code", code,
                "description", code + " commission", "amount", amount, "recurring", false, "offCycle", false, "startsOn", "2026-02-01"));
    }
}
