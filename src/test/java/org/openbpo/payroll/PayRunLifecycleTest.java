package org.openbpo.payroll;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A UK monthly pay run from preparation to payment, as the business runs it: prepared with the engine,
 * anomalies flagged, checked by a second person, approved by the client, finalised once, paid once;
 * the next month carries the figures to date.
 */
class PayRunLifecycleTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    PayrollSetup.Setup setup;
    String base;
    String ada;
    String bryn;
    String cai;

    @BeforeEach
    void employees() {
        setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        base = "/api/v1/clients/" + setup.client().id() + "/payroll";
        Api hr = api().as(setup.preparerToken());
        ada = hired(hr.post(base + "/employees", PayrollSetup.ukEmployee("E1")));
        Map<String, Object> noBank = PayrollSetup.ukEmployee("E2");
        noBank.remove("bankScheme");
        noBank.remove("bankRouting");
        noBank.remove("bankAccount");
        bryn = hired(hr.post(base + "/employees", noBank));
        Map<String, Object> hourly = PayrollSetup.ukEmployee("E3");
        hourly.put("payBasis", "HOURLY");
        hourly.remove("annualSalary");
        hourly.put("hourlyRate", "15.50");
        cai = hired(hr.post(base + "/employees", hourly));
        assertThat(hr.post(base + "/employees/" + ada + "/pay-items", Map.of("kind", "DEDUCTION", "code", "PENSION",
                "description", "Pension scheme", "amount", "100.00", "recurring", true, "offCycle", false,
                "startsOn", "2026-01-01")).status()).isEqualTo(201);
        assertThat(hr.post(base + "/employees/" + ada + "/pay-items", Map.of("kind", "EARNING", "code", "BONUS",
                "description", BONUS, "amount", "500.00", "recurring", false, "offCycle", false,
                "startsOn", "2026-01-15")).status()).isEqualTo(201);
        Api.Response hours = hr.post(base + "/timesheets", "text/csv",
                "employeeNumber,periodEnd,hours\nE3,2026-01-31,160.5\n".getBytes(StandardCharsets.UTF_8));
        assertThat(hours.status()).as(hours.body().toString()).isEqualTo(200);
    }

    /** A pay item's description is the rule of its payslip line; this one has every character that needs escaping. */
    private static final String BONUS = "Annual bonus \"Q4\", {50%} \\ target\tmet, NULL";

    @Test
    void aPayRunGoesFromPreparationToPaymentOnceAndCarriesToDate() {
        Api preparer = api().as(setup.preparerToken());
        Api checker = api().as(setup.checkerToken());
        Api manager = api().as(setup.managerToken());
        Api client = api().as(setup.approverToken());

        Api.Response prepared = preparer.post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-01-31"));
        assertThat(prepared.status()).as(prepared.body().toString()).isEqualTo(201);
        long run = prepared.body().path("id").asLong();
        assertThat(prepared.text("status")).isEqualTo("PREPARED");
        assertThat(prepared.text("payDate")).as("31 January 2026 is a Saturday: paid on the Friday").isEqualTo("2026-01-30");
        assertThat(prepared.text("taxYear")).isEqualTo("2025-26");
        assertThat(prepared.body().path("period").asInt()).as("tax month 10").isEqualTo(10);
        assertThat(prepared.body().path("employees").asInt()).isEqualTo(3);
        assertThat(prepared.body().path("anomalies").asInt()).as("no bank account for E2").isEqualTo(1);

        JsonNode adaSlip = preparer.get(base + "/pay-runs/" + run + "/payslips/" + ada).body();
        assertThat(adaSlip.path("gross").asString()).as("3,500 salary + 500 bonus").isEqualTo("4000.00");
        assertThat(adaSlip.path("deductions").asString()).isEqualTo("100.00");
        assertThat(adaSlip.path("lines").valueStream().filter(l -> l.path("code").asString().equals("BONUS")).findFirst()
                .orElseThrow().path("rule").asString()).as("stored as written, quotes, commas, braces and backslashes included")
                .isEqualTo(BONUS);
        JsonNode preview = preparer.post("/api/v1/payroll/preview", Map.of("country", "GB", "taxYear", "2025-26",
                "frequency", "MONTHLY", "period", 10, "gross", "4000.00",
                "employee", Map.of("taxCode", "C1257L", "niCategory", "A"))).body();
        assertThat(line(adaSlip, "PAYE")).as("the preview's engine").isEqualTo(previewLine(preview, "PAYE"));
        assertThat(line(adaSlip, "NI_EE")).isEqualTo(previewLine(preview, "NI_EE"));
        assertThat(adaSlip.path("net").asString()).isEqualTo(new java.math.BigDecimal(preview.path("net").asString())
                .subtract(new java.math.BigDecimal("100.00")).toPlainString());
        JsonNode caiSlip = preparer.get(base + "/pay-runs/" + run + "/payslips/" + cai).body();
        assertThat(caiSlip.path("gross").asString()).as("160.5 h x 15.50").isEqualTo("2487.75");
        JsonNode brynSlip = preparer.get(base + "/pay-runs/" + run + "/payslips/" + bryn).body();
        assertThat(brynSlip.path("anomalies").get(0).asString()).startsWith("NO_BANK_ACCOUNT");

        assertThat(preparer.post(base + "/pay-runs/" + run + "/submission", Map.of()).text("status")).isEqualTo("CHECKING");
        Api.Response selfCheck = preparer.post(base + "/pay-runs/" + run + "/check", Map.of("decision", "APPROVE"));
        assertThat(selfCheck.status()).isEqualTo(409);
        assertThat(selfCheck.text("code")).isEqualTo("checker-is-maker");
        assertThat(manager.post(base + "/pay-runs/" + run + "/finalisation", Map.of()).status()).as("not approved yet").isEqualTo(409);
        assertThat(checker.post(base + "/pay-runs/" + run + "/check", Map.of("decision", "APPROVE")).text("status"))
                .isEqualTo("AWAITING_CLIENT");
        assertThat(manager.post(base + "/pay-runs/" + run + "/client-approval", Map.of("decision", "APPROVE")).status())
                .as("the provider cannot approve for the client").isEqualTo(403);
        Api.Response approved = client.post(base + "/pay-runs/" + run + "/client-approval", Map.of("decision", "APPROVE"));
        assertThat(approved.text("status")).as(approved.body().toString()).isEqualTo("APPROVED");
        assertThat(checker.post(base + "/pay-runs/" + run + "/finalisation", Map.of()).status())
                .as("finalising is for managers").isEqualTo(403);

        Api.Response finalised = manager.post(base + "/pay-runs/" + run + "/finalisation", Map.of());
        assertThat(finalised.text("status")).as(finalised.body().toString()).isEqualTo("FINALISED");
        Api.Response again = manager.post(base + "/pay-runs/" + run + "/finalisation", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("firstPayslipNumber").asLong()).isEqualTo(finalised.body().path("firstPayslipNumber").asLong());
        JsonNode numbered = preparer.get(base + "/pay-runs/" + run + "/payslips").body().path("items");
        assertThat(numbered.valueStream().map(p -> p.path("number").asLong()).toList())
                .containsExactly(finalised.body().path("firstPayslipNumber").asLong() + 1,
                        finalised.body().path("firstPayslipNumber").asLong() + 2, finalised.body().path("firstPayslipNumber").asLong() + 3);
        JsonNode toDate = preparer.get(base + "/employees/" + ada + "/to-date?taxYear=2025-26").body();
        assertThat(toDate.path("gross").asString()).as("carried once, though finalised twice").isEqualTo("4000.00");
        assertThat(toDate.path("tax").asString()).isEqualTo(line(adaSlip, "PAYE"));
        assertThat(preparer.post(base + "/pay-runs/" + run + "/recalculation", Map.of()).status()).as("locked").isEqualTo(409);

        Api.Response paid = manager.post(base + "/pay-runs/" + run + "/payment", Map.of());
        assertThat(paid.text("status")).isEqualTo("PAID");
        manager.post(base + "/pay-runs/" + run + "/payment", Map.of());
        JsonNode instructions = manager.get(base + "/pay-runs/" + run + "/payment-instructions").body();
        assertThat(instructions.size()).as("E2 has no account; nobody twice").isEqualTo(2);
        assertThat(instructions.get(0).path("bank_masked").asString()).isEqualTo("40-**-** ****2490");
        assertThat(instructions.toString()).doesNotContain("70872490");
        long item = paid.body().path("workItemId").asLong();
        assertThat(api().as(setup.managerToken()).get("/api/v1/clients/" + setup.client().id() + "/work-items/" + item)
                .text("state")).isEqualTo("paid");

        Api.Response february = preparer.post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-02-28"));
        assertThat(february.status()).as(february.body().toString()).isEqualTo(201);
        JsonNode adaFebruary = preparer.get(base + "/pay-runs/" + february.body().path("id").asLong() + "/payslips/" + ada).body();
        assertThat(adaFebruary.path("gross").asString()).as("the bonus was paid once").isEqualTo("3500.00");
        JsonNode cumulative = preparer.post("/api/v1/payroll/preview", Map.of("country", "GB", "taxYear", "2025-26",
                "frequency", "MONTHLY", "period", 11, "gross", "3500.00", "toDate", Map.of("gross", "4000.00", "tax", line(adaSlip, "PAYE")),
                "employee", Map.of("taxCode", "C1257L", "niCategory", "A"))).body();
        assertThat(line(adaFebruary, "PAYE")).as("cumulative PAYE with January carried").isEqualTo(previewLine(cumulative, "PAYE"));
        assertThat(preparer.post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-02-28")).status())
                .as("one regular run per period").isEqualTo(409);
    }

    @Test
    void aReturnedRunIsPreparedAgainAndBadInputIsRefused() {
        Api preparer = api().as(setup.preparerToken());
        Api.Response wrongEnd = preparer.post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-01-30"));
        assertThat(wrongEnd.status()).isEqualTo(422);
        assertThat(wrongEnd.text("field")).isEqualTo("periodEnd");
        Api.Response negative = preparer.post(base + "/timesheets", "text/csv",
                "employeeNumber,periodEnd,hours\nE3,2026-01-31,8\nE3,2026-02-28,-4\nE9,2026-01-31,1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.body().path("errors").valueStream().map(e -> e.path("row").asInt() + ":" + e.path("field").asString()))
                .containsExactly("3:hours", "4:employeeNumber");

        long run = preparer.post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-01-31")).body().path("id").asLong();
        preparer.post(base + "/pay-runs/" + run + "/submission", Map.of());
        assertThat(api().as(setup.checkerToken()).post(base + "/pay-runs/" + run + "/check",
                Map.of("decision", "RETURN", "note", "E3's hours look short")).text("status")).isEqualTo("PREPARED");
        Map<String, Object> raise = new HashMap<>();
        raise.put("annualSalary", "84000");
        assertThat(preparer.patch(base + "/employees/" + ada, raise).status()).isEqualTo(200);
        Api.Response again = api().as(setup.checkerToken()).post(base + "/pay-runs/" + run + "/recalculation", Map.of());
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(api().as(setup.checkerToken()).get(base + "/pay-runs/" + run + "/payslips/" + ada).body().path("gross").asString())
                .isEqualTo("7500.00");
        assertThat(again.text("preparedBy")).as("whoever recalculated is the maker now").isEqualTo("Payroll Agent");
        api().as(setup.checkerToken()).post(base + "/pay-runs/" + run + "/submission", Map.of());
        assertThat(api().as(setup.checkerToken()).post(base + "/pay-runs/" + run + "/check", Map.of("decision", "APPROVE")).status())
                .isEqualTo(409);
        assertThat(api().as(setup.preparerToken()).post(base + "/pay-runs/" + run + "/check", Map.of("decision", "APPROVE")).status())
                .isEqualTo(200);
    }

    @Test
    void theClientReadsItsRunsWithoutTheProvidersPeopleOrTheCheckersReturnNote() {
        Api preparer = api().as(setup.preparerToken());
        Api checker = api().as(setup.checkerToken());
        Api client = api().as(setup.approverToken());
        String note = "E3's hours look short, redo before the client sees it";
        long run = preparer.post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-01-31")).body().path("id").asLong();
        String path = base + "/pay-runs/" + run;
        preparer.post(path + "/submission", Map.of());
        assertThat(checker.post(path + "/check", Map.of("decision", "RETURN", "note", note)).text("status")).isEqualTo("PREPARED");
        preparer.post(path + "/recalculation", Map.of());
        preparer.post(path + "/submission", Map.of());
        checker.post(path + "/check", Map.of("decision", "APPROVE"));

        Api.Response seen = client.get(path);
        long item = seen.body().path("workItemId").asLong();
        assertThat(client.get("/api/v1/clients/" + setup.client().id() + "/work-items/" + item + "/timeline").body().toString())
                .as("the return is on the item's timeline, its note is not").contains("preparing").doesNotContain(note)
                .as("the preparer raised the item, and reads as the service team")
                .doesNotContain(setup.preparer().email(), setup.checker().email()).contains("Service team");
        for (JsonNode read : List.of(seen.body(), client.get(base + "/pay-runs").body())) {
            assertThat(read.toString()).doesNotContain(note, "Payroll Agent", setup.preparer().email(), setup.checker().email(),
                    setup.preparer().id().toString(), setup.checker().id().toString());
        }
        assertThat(seen.text("status")).isEqualTo("AWAITING_CLIENT");
        assertThat(seen.text("preparedBy")).isEqualTo("Service team");
        assertThat(seen.text("checkedBy")).isEqualTo("Service team");
        assertThat(seen.body().path("preparedAt").isNull()).as("when it was prepared is the client's to know").isFalse();
        Api.Response approved = client.post(path + "/client-approval", Map.of("decision", "APPROVE"));
        assertThat(approved.text("approvedBy")).as("the client's own approver").isEqualTo("Client approver");
        assertThat(approved.text("preparedBy")).isEqualTo("Service team");

        Api.Response staff = api().as(setup.managerToken()).get(path);
        assertThat(staff.text("preparedBy")).isEqualTo("Payroll Agent");
        assertThat(staff.text("checkedBy")).isEqualTo("Payroll Agent");
        assertThat(staff.text("preparedById")).isEqualTo(setup.preparer().id().toString());
        assertThat(staff.body().path("returnNote").isNull()).as("the client decided on the version after the return").isTrue();
    }

    @Test
    void theCheckersReturnNoteGoesOnceTheClientRejectsOrApprovesALaterVersion() {
        Api preparer = api().as(setup.preparerToken());
        Api checker = api().as(setup.checkerToken());
        Api client = api().as(setup.approverToken());
        Api manager = api().as(setup.managerToken());
        long run = preparer.post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-01-31")).body().path("id").asLong();
        String path = base + "/pay-runs/" + run;

        preparer.post(path + "/submission", Map.of());
        checker.post(path + "/check", Map.of("decision", "RETURN", "note", "E1's overtime is missing"));
        preparer.post(path + "/submission", Map.of());
        checker.post(path + "/check", Map.of("decision", "APPROVE"));
        assertThat(manager.get(path).text("returnNote")).as("kept while the client decides").isEqualTo("E1's overtime is missing");
        assertThat(client.post(path + "/client-approval", Map.of("decision", "RETURN", "note", "Hold E2's bonus")).text("status"))
                .isEqualTo("PREPARED");
        assertThat(manager.get(path).body().path("returnNote").isNull()).as("the client returned a later version").isTrue();

        preparer.post(path + "/submission", Map.of());
        checker.post(path + "/check", Map.of("decision", "RETURN", "note", "Recalculate after the bonus"));
        preparer.post(path + "/submission", Map.of());
        checker.post(path + "/check", Map.of("decision", "APPROVE"));
        assertThat(client.post(path + "/client-approval", Map.of("decision", "APPROVE")).text("status")).isEqualTo("APPROVED");
        assertThat(manager.get(path).body().path("returnNote").isNull()).as("the client approved a later version").isTrue();
    }

    @Test
    void anOffCycleRunPaysOnlyTheOffCycleItemsInTheSameTaxPeriod() {
        Api preparer = api().as(setup.preparerToken());
        assertThat(preparer.post(base + "/employees/" + cai + "/pay-items", Map.of("kind", "EARNING", "code", "CORRECTION",
                "description", "Underpaid overtime, December", "amount", "240.00", "recurring", false, "offCycle", true,
                "startsOn", "2026-01-20")).status()).isEqualTo(201);
        Api.Response offCycle = preparer.post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-01-31", "kind", "OFF_CYCLE"));
        assertThat(offCycle.status()).as(offCycle.body().toString()).isEqualTo(201);
        assertThat(offCycle.body().path("employees").asInt()).as("only the employee with an off-cycle item").isEqualTo(1);
        assertThat(offCycle.body().path("period").asInt()).isEqualTo(10);
        JsonNode slip = preparer.get(base + "/pay-runs/" + offCycle.body().path("id").asLong() + "/payslips/" + cai).body();
        assertThat(slip.path("gross").asString()).as("no salary or hours, only the correction").isEqualTo("240.00");
        assertThat(preparer.post(base + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-01-31")).status())
                .as("the regular run of the period is still possible").isEqualTo(201);
    }

    @Test
    void anotherClientsPayRunsAreNotFound() {
        PayrollSetup.Setup other = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        String theirs = "/api/v1/clients/" + other.client().id() + "/payroll";
        String theirEmployee = hired(api().as(other.preparerToken()).post(theirs + "/employees", PayrollSetup.ukEmployee("T1")));
        long theirRun = api().as(other.preparerToken()).post(theirs + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-01-31"))
                .body().path("id").asLong();
        for (String token : List.of(setup.preparerToken(), setup.managerToken(), setup.approverToken())) {
            Api api = api().as(token);
            for (String path : List.of(theirs + "/pay-runs/" + theirRun, base + "/pay-runs/" + theirRun, theirs + "/pay-runs",
                    theirs + "/pay-runs/" + theirRun + "/payslips", base + "/pay-runs/" + theirRun + "/payslips/" + theirEmployee,
                    theirs + "/employees/" + theirEmployee + "/pay-items", base + "/employees/" + theirEmployee + "/to-date?taxYear=2025-26",
                    base + "/pay-runs/" + theirRun + "/payment-instructions")) {
                assertThat(api.get(path).status()).as(path).isEqualTo(404);
            }
            for (String action : List.of("submission", "recalculation", "finalisation", "payment")) {
                assertThat(api.post(base + "/pay-runs/" + theirRun + "/" + action, Map.of()).status()).as(action).isEqualTo(404);
                assertThat(api.post(theirs + "/pay-runs/" + theirRun + "/" + action, Map.of()).status()).as(action).isEqualTo(404);
            }
            assertThat(api.post(base + "/pay-runs/" + theirRun + "/check", Map.of("decision", "APPROVE")).status()).isEqualTo(404);
            assertThat(api.post(base + "/pay-runs/" + theirRun + "/client-approval", Map.of("decision", "APPROVE")).status()).isEqualTo(404);
            assertThat(api.post(theirs + "/pay-runs", Map.of("payGroup", "UK-M", "periodEnd", "2026-02-28")).status()).isEqualTo(404);
            assertThat(api.post(base + "/employees/" + theirEmployee + "/pay-items", Map.of("kind", "EARNING", "code", "X",
                    "description", "x", "amount", "1", "recurring", false, "offCycle", false, "startsOn", "2026-01-01")).status()).isEqualTo(404);
        }
        assertThat(api().as(other.preparerToken()).get(theirs + "/pay-runs/" + theirRun).text("status")).isEqualTo("PREPARED");
    }

    static String hired(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }

    static String line(JsonNode payslip, String code) {
        return payslip.path("lines").valueStream().filter(l -> l.path("code").asString().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + code + " in " + payslip)).path("amount").asString();
    }

    static String previewLine(JsonNode preview, String code) {
        return java.util.stream.Stream.concat(preview.path("employee").valueStream(), preview.path("employer").valueStream())
                .filter(l -> l.path("code").asString().equals(code)).findFirst().orElseThrow().path("amount").asString();
    }
}
