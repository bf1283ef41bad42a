package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.io.IOException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Payslips are labelled in the employee's language where OpenBPO has it (English, Spanish, Filipino), in English otherwise. */
class PayslipLanguageTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void aPayslipSpeaksTheEmployeesLanguageOrEnglish() throws IOException {
        PayrollSetup.Setup setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        String base = "/api/v1/clients/" + setup.client().id() + "/payroll";
        Api hr = api().as(setup.preparerToken());
        Map<String, Object> spanish = PayrollSetup.usEmployee("U1");
        spanish.put("language", "es");
        String ana = PayRunLifecycleTest.hired(hr.post(base + "/employees", spanish));
        Map<String, Object> hindi = PayrollSetup.usEmployee("U2");
        hindi.put("language", "hi");
        String ravi = PayRunLifecycleTest.hired(hr.post(base + "/employees", hindi));
        String noLanguage = PayRunLifecycleTest.hired(hr.post(base + "/employees", PayrollSetup.usEmployee("U3")));
        Map<String, Object> filipino = Map.ofEntries(Map.entry("employeeNumber", "P1"), Map.entry("givenName", "Maria"),
                Map.entry("familyName", "Santos"), Map.entry("country", "PH"), Map.entry("taxResidence", "Metro Manila"),
                Map.entry("payGroup", "PH-SM"), Map.entry("startDate", "2025-01-06"), Map.entry("payBasis", "SALARY"),
                Map.entry("annualSalary", "480000.00"), Map.entry("bankScheme", "PH_BANK"), Map.entry("bankRouting", "BOPIPHMM"),
                Map.entry("bankAccount", "1234567890"), Map.entry("language", "fil"));
        String maria = PayRunLifecycleTest.hired(hr.post(base + "/employees", filipino));
        Api.Response bad = hr.post(base + "/employees", withLanguage(PayrollSetup.usEmployee("U4"), "english"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.text("field")).isEqualTo("language");
        assertThat(hr.get(base + "/employees/" + ana).text("language")).isEqualTo("es");

        long us = hr.post(base + "/pay-runs", Map.of("payGroup", "US-BW", "periodEnd", "2026-02-27")).body().path("id").asLong();
        String es = pdfText(hr.download(base + "/pay-runs/" + us + "/payslips/" + ana + "/pdf").body());
        assertThat(es).contains("BORRADOR de recibo de n").contains("Percepciones").contains("Deducciones").contains("PAGO NETO")
                .contains("Salario bruto").doesNotContain("NET PAY");
        String fallback = pdfText(hr.download(base + "/pay-runs/" + us + "/payslips/" + ravi + "/pdf").body());
        assertThat(fallback).as("no Hindi labels: English").contains("DRAFT payslip").contains("Earnings").contains("NET PAY");
        assertThat(pdfText(hr.download(base + "/pay-runs/" + us + "/payslips/" + noLanguage + "/pdf").body())).contains("NET PAY");

        long ph = hr.post(base + "/pay-runs", Map.of("payGroup", "PH-SM", "periodEnd", "2026-02-15")).body().path("id").asLong();
        String fil = pdfText(hr.download(base + "/pay-runs/" + ph + "/payslips/" + maria + "/pdf").body());
        assertThat(fil).contains("BURADOR na payslip").contains("Mga kita").contains("Mga kaltas").contains("NETONG SAHOD")
                .contains("Petsa ng sahod").doesNotContain("NET PAY");
    }

    private static Map<String, Object> withLanguage(Map<String, Object> employee, String language) {
        employee.put("language", language);
        return employee;
    }

    private static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }
}
