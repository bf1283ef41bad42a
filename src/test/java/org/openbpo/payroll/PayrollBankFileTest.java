package org.openbpo.payroll;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pay step writes the run's bank file once, from the pay group's funding account: NACHA for the US,
 * BACS Standard 18 for the UK, OpenBPO's bank upload CSV for India. The files are parsed back and their
 * control figures checked against the payslips.
 */
class PayrollBankFileTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    PayrollSetup.Setup setup;
    String base;

    @BeforeEach
    void client() {
        setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        base = "/api/v1/clients/" + setup.client().id() + "/payroll";
    }

    @Test
    void aUsRunIsPaidByOneNachaFileWhoseControlsMatchItsPayslips() {
        Api hr = api().as(setup.preparerToken());
        hire(hr, PayrollSetup.usEmployee("U1"));
        Map<String, Object> second = PayrollSetup.usEmployee("U2");
        second.put("annualSalary", "91000.00");
        second.put("bankRouting", "011000015");
        second.put("bankAccount", "99887766");
        hire(hr, second);
        long run = finalised("US-BW", "2026-02-27");
        Api manager = api().as(setup.managerToken());
        assertThat(manager.download(base + "/pay-runs/" + run + "/bank-file").status()).as("not paid yet").isEqualTo(404);
        assertThat(manager.post(base + "/pay-runs/" + run + "/payment", Map.of()).text("status")).isEqualTo("PAID");

        Api.Download file = manager.download(base + "/pay-runs/" + run + "/bank-file");
        assertThat(file.status()).isEqualTo(200);
        List<String> records = Arrays.asList(new String(file.body(), StandardCharsets.US_ASCII).split("\r\n"));
        assertThat(records).hasSize(10).allSatisfy(record -> assertThat(record).hasSize(94));
        assertThat(records.get(0)).startsWith("101 011000015");
        assertThat(records.get(1)).startsWith("5220").contains("1234567890PPDPAYROLL").contains("260304");
        List<String> entries = records.stream().filter(r -> r.startsWith("6")).toList();
        assertThat(entries).hasSize(2);
        long credits = 0;
        long hash = 0;
        for (String entry : entries) {
            assertThat(entry.substring(1, 3)).as("checking credit").isEqualTo("22");
            hash += Long.parseLong(entry.substring(3, 11));
            credits += Long.parseLong(entry.substring(29, 39));
        }
        assertThat(entries.get(0).substring(3, 12)).isEqualTo("021000021");
        assertThat(entries.get(0).substring(12, 29).strip()).isEqualTo("123456789012");
        assertThat(entries.get(1).substring(12, 29).strip()).isEqualTo("99887766");
        assertThat(hash).isEqualTo(2100002 + 1100001);
        BigDecimal net = new BigDecimal(manager.get(base + "/pay-runs/" + run).text("net"));
        assertThat(credits).as("the credits are the run's net pay: " + records).isEqualTo(net.movePointRight(2).longValueExact());
        String batchControl = records.get(4);
        assertThat(batchControl).startsWith("8220000002");
        assertThat(Long.parseLong(batchControl.substring(10, 20))).isEqualTo(hash);
        assertThat(Long.parseLong(batchControl.substring(32, 44))).isEqualTo(credits);
        String fileControl = records.get(5);
        assertThat(fileControl.substring(1, 7)).as("batches").isEqualTo("000001");
        assertThat(fileControl.substring(7, 13)).as("blocks").isEqualTo("000001");
        assertThat(fileControl.substring(13, 21)).as("entries").isEqualTo("00000002");
        assertThat(Long.parseLong(fileControl.substring(43, 55))).isEqualTo(credits);
        assertThat(records.subList(6, 10)).allSatisfy(r -> assertThat(r).isEqualTo("9".repeat(94)));
        assertThat(file.headers().get("x-bank-file-format")).isEqualTo("NACHA");

        assertThat(manager.post(base + "/pay-runs/" + run + "/payment", Map.of()).status()).isEqualTo(200);
        assertThat(manager.download(base + "/pay-runs/" + run + "/bank-file").body()).as("paying again returns the same file")
                .isEqualTo(file.body());
        assertThat(api().as(setup.approverToken()).download(base + "/pay-runs/" + run + "/bank-file").status())
                .as("the client's administrator may fetch it to upload").isEqualTo(200);
        assertThat(api().as(setup.checkerToken()).download(base + "/pay-runs/" + run + "/bank-file").status())
                .as("full account numbers: not for every agent").isEqualTo(403);
    }

    @Test
    void aUkRunIsPaidByABacsFileWithItsContraAndTrailer() {
        Api hr = api().as(setup.preparerToken());
        hire(hr, PayrollSetup.ukEmployee("E1"));
        Map<String, Object> second = PayrollSetup.ukEmployee("E2");
        second.put("annualSalary", "30000.00");
        second.put("bankScheme", "IBAN");
        second.remove("bankRouting");
        second.put("bankAccount", "GB29 NWBK 6016 1331 9268 19");
        hire(hr, second);
        long run = finalised("UK-M", "2026-01-31");
        Api manager = api().as(setup.managerToken());
        manager.post(base + "/pay-runs/" + run + "/payment", Map.of());
        Api.Download file = manager.download(base + "/pay-runs/" + run + "/bank-file");
        assertThat(file.status()).isEqualTo(200);
        List<String> records = Arrays.asList(new String(file.body(), StandardCharsets.US_ASCII).split("\r\n"));
        assertThat(records.stream().map(r -> r.substring(0, 4)).toList()).containsExactly("VOL1", "HDR1", "HDR2", "UHL1",
                "4047", "6016", "2000", "EOF1", "EOF2", "UTL1");
        assertThat(records.get(4)).startsWith("40478470872490099200000" + "55779911");
        assertThat(records.get(5)).as("a GB IBAN is paid by its sort code and account").startsWith("60161331926819099");
        long pence = records.subList(4, 6).stream().mapToLong(r -> Long.parseLong(r.substring(35, 46))).sum();
        BigDecimal net = new BigDecimal(manager.get(base + "/pay-runs/" + run).text("net"));
        assertThat(pence).isEqualTo(net.movePointRight(2).longValueExact());
        String contra = records.get(6);
        assertThat(contra).startsWith("20000055779911017");
        assertThat(Long.parseLong(contra.substring(35, 46))).as("the contra debits the funding account with the total").isEqualTo(pence);
        String trailer = records.get(9);
        assertThat(Long.parseLong(trailer.substring(4, 17))).isEqualTo(pence);
        assertThat(Long.parseLong(trailer.substring(17, 30))).isEqualTo(pence);
        assertThat(trailer.substring(30, 37)).isEqualTo("0000001");
        assertThat(trailer.substring(37, 44)).isEqualTo("0000002");
        assertThat(records.get(0)).contains("123456");
    }

    @Test
    void anIndianRunIsPaidByTheDocumentedBankUploadCsv() {
        hire(api().as(setup.preparerToken()), PayrollSetup.indianEmployee("I1"));
        long run = finalised("IN-M", "2026-01-31");
        Api manager = api().as(setup.managerToken());
        manager.post(base + "/pay-runs/" + run + "/payment", Map.of());
        Api.Download file = manager.download(base + "/pay-runs/" + run + "/bank-file");
        List<String> rows = Arrays.asList(new String(file.body(), StandardCharsets.UTF_8).split("\r\n"));
        String net = manager.get(base + "/pay-runs/" + run).text("net");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).isEqualTo("H,PAYROLL-" + run + ",Lakeshore Retail India Pvt Ltd,LAKESHORE01,HDFC0000001,50200012345678,"
                + "2026-01-30,INR,1," + net);
        assertThat(rows.get(1)).startsWith("D,1,Priya Raman,ICIC0001234,123456789012," + net + ",PAY " + run + " ");
        assertThat(rows.get(2)).isEqualTo("T,1," + net);
        assertThat(file.headers().get("content-type")).startsWith("text/csv");
    }

    @Test
    void aFileThatCannotBeWrittenPaysNobodyAndTheRetryPaysOnce() {
        Api hr = api().as(setup.preparerToken());
        Map<String, Object> euro = PayrollSetup.usEmployee("U1");
        euro.put("bankScheme", "IBAN");
        euro.remove("bankRouting");
        euro.put("bankAccount", "DE89370400440532013000");
        String id = hire(hr, euro);
        long run = finalised("US-BW", "2026-02-27");
        Api manager = api().as(setup.managerToken());
        Api.Response refused = manager.post(base + "/pay-runs/" + run + "/payment", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("account-not-payable-by-file");
        assertThat(refused.text("field")).isEqualTo("bankAccount");
        assertThat(refused.text("detail")).contains("U1");
        assertThat(manager.get(base + "/pay-runs/" + run).text("status")).isEqualTo("FINALISED");
        assertThat(manager.get(base + "/pay-runs/" + run + "/payment-instructions").body().size()).as("nothing paid").isZero();

        assertThat(hr.patch(base + "/employees/" + id, Map.of("bankScheme", "US_ABA", "bankRouting", "021000021",
                "bankAccount", "123456789012")).status()).isEqualTo(200);
        assertThat(manager.post(base + "/pay-runs/" + run + "/payment", Map.of()).text("status")).isEqualTo("PAID");
        assertThat(manager.get(base + "/pay-runs/" + run + "/payment-instructions").body().size()).isEqualTo(1);
        String nacha = new String(manager.download(base + "/pay-runs/" + run + "/bank-file").body(), StandardCharsets.US_ASCII);
        assertThat(nacha.lines().filter(r -> r.startsWith("6")).count()).isEqualTo(1);
    }

    @Test
    void aGroupWithoutAFundingAccountIsNotPaidAndFundingAccountsAreChecked() {
        Api manager = api().as(setup.managerToken());
        Api.Response wrongScheme = manager.put(base + "/pay-groups/UK-M/funding-account", Map.of("name", "Lakeshore UK",
                "identifier", "123456", "bankScheme", "US_ABA", "bankRouting", "021000021", "bankAccount", "12345678"));
        assertThat(wrongScheme.status()).isEqualTo(422);
        assertThat(wrongScheme.text("field")).isEqualTo("bankScheme");
        Api.Response noSun = manager.put(base + "/pay-groups/UK-M/funding-account", Map.of("name", "Lakeshore UK",
                "bankScheme", "GB_SORT_CODE", "bankRouting", "200000", "bankAccount", "55779911"));
        assertThat(noSun.status()).isEqualTo(422);
        assertThat(noSun.text("field")).isEqualTo("identifier");
        Api.Response badRouting = manager.put(base + "/pay-groups/US-BW/funding-account", Map.of("name", "Lakeshore",
                "identifier", "1234567890", "bankScheme", "US_ABA", "bankRouting", "021000022", "bankAccount", "12345678"));
        assertThat(badRouting.status()).isEqualTo(422);
        assertThat(badRouting.text("field")).isEqualTo("bankRouting");
        Api.Response shown = manager.get(base + "/pay-groups/UK-M/funding-account");
        assertThat(shown.text("masked")).isEqualTo("20-**-** ****9911");
        assertThat(shown.body().toString()).doesNotContain("55779911");
        assertThat(api().as(setup.preparerToken()).put(base + "/pay-groups/UK-M/funding-account", Map.of("name", "x",
                "identifier", "123456", "bankScheme", "GB_SORT_CODE", "bankRouting", "200000", "bankAccount", "55779911")).status())
                .as("payroll managers set where the money comes from").isEqualTo(403);

        PayrollSetup.Setup other = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        String theirs = "/api/v1/clients/" + other.client().id() + "/payroll";
        String ownBase = base;
        base = theirs;
        hire(api().as(other.preparerToken()), PayrollSetup.ukEmployee("T1"));
        PayrollSetup.Setup mine = setup;
        setup = other;
        long theirRun = finalised("UK-M", "2026-01-31");
        api().as(other.managerToken()).post(theirs + "/pay-runs/" + theirRun + "/payment", Map.of());
        setup = mine;
        for (String path : List.of(theirs + "/pay-runs/" + theirRun + "/bank-file", ownBase + "/pay-runs/" + theirRun + "/bank-file",
                theirs + "/pay-groups/UK-M/funding-account")) {
            assertThat(manager.download(path).status()).as(path).isEqualTo(404);
        }
        assertThat(manager.put(theirs + "/pay-groups/UK-M/funding-account", Map.of("name", "x", "identifier", "123456",
                "bankScheme", "GB_SORT_CODE", "bankRouting", "200000", "bankAccount", "55779911")).status()).isEqualTo(404);
        assertThat(api().as(other.managerToken()).download(theirs + "/pay-runs/" + theirRun + "/bank-file").status()).isEqualTo(200);
    }

    private String hire(Api hr, Map<String, Object> employee) {
        return PayRunLifecycleTest.hired(hr.post(base + "/employees", employee));
    }

    /** Prepared, checked, approved by the client and finalised. */
    private long finalised(String group, String periodEnd) {
        Api.Response prepared = api().as(setup.preparerToken()).post(base + "/pay-runs", Map.of("payGroup", group, "periodEnd", periodEnd));
        assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(201);
        long run = prepared.body().path("id").asLong();
        api().as(setup.preparerToken()).post(base + "/pay-runs/" + run + "/submission", Map.of());
        api().as(setup.checkerToken()).post(base + "/pay-runs/" + run + "/check", Map.of("decision", "APPROVE"));
        api().as(setup.approverToken()).post(base + "/pay-runs/" + run + "/client-approval", Map.of("decision", "APPROVE"));
        Api.Response finalised = api().as(setup.managerToken()).post(base + "/pay-runs/" + run + "/finalisation", Map.of());
        assertThat(finalised.text("status")).as(finalised.body().toString()).isEqualTo("FINALISED");
        return run;
    }
}
