package org.openbpo.payroll;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Payslip PDFs, the register and the tax liability report (Form 941's lines for a US quarter) of a finalised run. */
class PayrollReportsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    PayrollSetup.Setup setup;
    String base;
    long run;
    String employee;

    @BeforeEach
    void finalisedRun() {
        setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        base = "/api/v1/clients/" + setup.client().id() + "/payroll";
        Api preparer = api().as(setup.preparerToken());
        employee = PayRunLifecycleTest.hired(preparer.post(base + "/employees", PayrollSetup.usEmployee("U1")));
        Map<String, Object> high = PayrollSetup.usEmployee("U2");
        high.put("annualSalary", "260000.00");
        high.put("filingStatus", "MFJ");
        PayRunLifecycleTest.hired(preparer.post(base + "/employees", high));
        run = preparer.post(base + "/pay-runs", Map.of("payGroup", "US-BW", "periodEnd", "2026-02-27")).body().path("id").asLong();
        preparer.post(base + "/pay-runs/" + run + "/submission", Map.of());
        api().as(setup.checkerToken()).post(base + "/pay-runs/" + run + "/check", Map.of("decision", "APPROVE"));
        api().as(setup.approverToken()).post(base + "/pay-runs/" + run + "/client-approval", Map.of("decision", "APPROVE"));
        assertThat(api().as(setup.managerToken()).post(base + "/pay-runs/" + run + "/finalisation", Map.of()).text("status"))
                .isEqualTo("FINALISED");
    }

    @Test
    void thePayslipIsAPdfTheClientAndTheProviderCanDownload() throws Exception {
        for (String token : List.of(setup.approverToken(), setup.preparerToken())) {
            HttpResponse<byte[]> pdf = raw(token, base + "/pay-runs/" + run + "/payslips/" + employee + "/pdf");
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(pdf.body().length).isGreaterThan(1500);
            Files.write(Path.of("target", "payslip-sample.pdf"), pdf.body());
        }
        HttpResponse<byte[]> register = raw(setup.approverToken(), base + "/pay-runs/" + run + "/register");
        List<String> lines = new String(register.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("number,employee_number,employee_name,gross");
        assertThat(lines.get(1)).contains(",U1,Dana Reyes,3000.00,");
    }

    @Test
    void anIndianMonthOwesEpfAdministrationChargesOnItsEpfWages() {
        Api preparer = api().as(setup.preparerToken());
        PayRunLifecycleTest.hired(preparer.post(base + "/employees", PayrollSetup.indianEmployee("I1")));
        Map<String, Object> onActualWages = PayrollSetup.indianEmployee("I2");
        onActualWages.put("epfOnActualWages", "true");
        PayRunLifecycleTest.hired(preparer.post(base + "/employees", onActualWages));
        long indian = preparer.post(base + "/pay-runs", Map.of("payGroup", "IN-M", "periodEnd", "2026-01-31")).body().path("id").asLong();
        preparer.post(base + "/pay-runs/" + indian + "/submission", Map.of());
        api().as(setup.checkerToken()).post(base + "/pay-runs/" + indian + "/check", Map.of("decision", "APPROVE"));
        api().as(setup.approverToken()).post(base + "/pay-runs/" + indian + "/client-approval", Map.of("decision", "APPROVE"));
        assertThat(api().as(setup.managerToken()).post(base + "/pay-runs/" + indian + "/finalisation", Map.of()).text("status"))
                .isEqualTo("FINALISED");

        JsonNode report = api().as(setup.approverToken()).get(base + "/tax-liabilities?country=IN&from=2026-01-01&to=2026-02-28").body();
        List<JsonNode> charges = report.path("liabilities").valueStream().filter(l -> l.path("code").asString().equals("EPF_ADMIN")).toList();
        // EPF wages 15,000 (up to the ceiling) + 1,00,000 (actual wages) = 1,15,000; 0.50% = 575; February has no run.
        assertThat(charges).as(report.toString()).hasSize(1);
        assertThat(charges.getFirst().path("side").asString()).isEqualTo("EMPLOYER");
        assertThat(charges.getFirst().path("base").asString()).isEqualTo("115000.00");
        assertThat(charges.getFirst().path("amount").asString()).isEqualTo("575.00");
        assertThat(charges.getFirst().path("due").asString()).startsWith("For 2026-01");
        BigDecimal lines = report.path("liabilities").valueStream().map(l -> new BigDecimal(l.path("amount").asString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(report.path("owed").asString())).isEqualByComparingTo(lines);
    }

    @Test
    void theTaxLiabilitiesOfAUsQuarterHaveForm941sShape() {
        Api.Response report = api().as(setup.approverToken()).get(base + "/tax-liabilities?country=US&from=2026-01-01&to=2026-03-31");
        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        JsonNode form = report.body().path("form941");
        assertThat(form.path("quarter").asInt()).isEqualTo(1);
        assertThat(form.path("line2Wages").asString()).isEqualTo("13000.00");
        BigDecimal fit = new BigDecimal(form.path("line3FederalIncomeTax").asString());
        BigDecimal line5e = new BigDecimal(form.path("line5eTotal").asString());
        assertThat(form.path("line5aSocialSecurityWages").asString()).isEqualTo("13000.00");
        assertThat(form.path("line5aTax").asString()).isEqualTo("1612.00");
        assertThat(form.path("line5cTax").asString()).isEqualTo("377.00");
        assertThat(new BigDecimal(form.path("line6TotalBeforeAdjustments").asString())).isEqualByComparingTo(fit.add(line5e));
        assertThat(new BigDecimal(form.path("line7FractionsOfCents").asString()).abs()).isLessThan(new BigDecimal("0.05"));
        JsonNode fitLine = report.body().path("liabilities").valueStream().filter(l -> l.path("code").asString().equals("FIT"))
                .findFirst().orElseThrow();
        assertThat(fitLine.path("authority").asString()).contains("IRS");
        assertThat(new BigDecimal(fitLine.path("amount").asString())).isEqualByComparingTo(fit);
        assertThat(api().as(setup.approverToken()).get(base + "/tax-liabilities?country=US&from=2026-01-01&to=2026-02-28")
                .body().path("form941").isNull()).as("not a quarter").isTrue();
        assertThat(api().as(setup.approverToken()).get(base + "/tax-liabilities?country=XX&from=2026-01-01&to=2026-03-31")
                .text("field")).isEqualTo("country");
    }

    @Test
    void aPayRiseBackdatedToAFinalisedPeriodIsPaidAsADeltaOffCycle() {
        Api preparer = api().as(setup.preparerToken());
        assertThat(preparer.patch(base + "/employees/" + employee, Map.of("annualSalary", "91000.00")).status()).isEqualTo(200);
        Api.Response retro = preparer.post(base + "/pay-runs/" + run + "/payslips/" + employee + "/retro-pay", Map.of());
        assertThat(retro.status()).as(retro.body().toString()).isEqualTo(201);
        assertThat(retro.text("amount")).as("91,000/26 - 78,000/26").isEqualTo("500.00");
        assertThat(retro.text("code")).isEqualTo("RETRO");
        assertThat(preparer.post(base + "/pay-runs/" + run + "/payslips/" + employee + "/retro-pay", Map.of()).status())
                .as("once per run").isEqualTo(409);
        Api.Response offCycle = preparer.post(base + "/pay-runs", Map.of("payGroup", "US-BW", "periodEnd", "2026-03-13", "kind", "OFF_CYCLE"));
        assertThat(offCycle.status()).as(offCycle.body().toString()).isEqualTo(201);
        assertThat(offCycle.body().path("employees").asInt()).isEqualTo(1);
        assertThat(offCycle.text("gross")).isEqualTo("500.00");
    }

    @Test
    void anotherClientsDocumentsAreNotFound() throws Exception {
        PayrollSetup.Setup other = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        String theirs = "/api/v1/clients/" + other.client().id() + "/payroll";
        assertThat(raw(other.approverToken(), base + "/pay-runs/" + run + "/payslips/" + employee + "/pdf").statusCode()).isEqualTo(404);
        assertThat(raw(other.approverToken(), theirs + "/pay-runs/" + run + "/payslips/" + employee + "/pdf").statusCode()).isEqualTo(404);
        assertThat(raw(other.approverToken(), theirs + "/pay-runs/" + run + "/register").statusCode()).isEqualTo(404);
        assertThat(raw(other.approverToken(), base + "/pay-runs/" + run + "/register").statusCode()).isEqualTo(404);
        assertThat(api().as(other.approverToken()).get(base + "/tax-liabilities?country=US&from=2026-01-01&to=2026-03-31").status())
                .isEqualTo(404);
    }

    private HttpResponse<byte[]> raw(String token, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
