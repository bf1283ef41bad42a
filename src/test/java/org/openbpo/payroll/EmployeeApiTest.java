package org.openbpo.payroll;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Employees through the API: their country's tax fields, bank accounts checked and sealed, and bad input named. */
class EmployeeApiTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    PayrollSetup.Setup setup;
    String path;

    @BeforeEach
    void client() {
        setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        path = "/api/v1/clients/" + setup.client().id() + "/payroll/employees";
    }

    @Test
    void anEmployeeIsStoredWithTheAccountMaskedAndSealed() {
        Api.Response hired = api().as(setup.preparerToken()).post(path, PayrollSetup.ukEmployee("E1"));
        assertThat(hired.status()).as(hired.body().toString()).isEqualTo(201);
        assertThat(hired.text("bankAccount")).isEqualTo("40-**-** ****2490");
        assertThat(hired.body().path("taxData").path("taxCode").asString()).isEqualTo("C1257L");
        assertThat(hired.body().toString()).doesNotContain("70872490");
        String id = hired.text("id");

        Api.Response read = api().as(setup.approverToken()).get(path + "/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.text("employeeNumber")).isEqualTo("E1");
        assertThat(read.text("annualSalary")).isEqualTo("42000.00");

        Api.Response changed = api().as(setup.preparerToken()).patch(path + "/" + id, Map.of("annualSalary", "45000", "taxCode", "C1100L"));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.text("annualSalary")).isEqualTo("45000.00");
        assertThat(changed.body().path("taxData").path("taxCode").asString()).isEqualTo("C1100L");
        assertThat(changed.text("bankAccount")).as("the account stays when the update does not mention it").isEqualTo("40-**-** ****2490");
        assertThat(changed.body().path("version").asInt()).isEqualTo(2);

        Api.Response page = api().as(setup.checkerToken()).get(path);
        assertThat(page.body().path("items").size()).isEqualTo(1);
    }

    @Test
    void aStarterBringsTheP45sPayAndTaxToDateWithTheirTaxYear() {
        Map<String, Object> starter = PayrollSetup.ukEmployee("E7");
        starter.put("p45Pay", "18000.00");
        starter.put("p45Tax", "2342.00");
        Api.Response withoutYear = api().as(setup.preparerToken()).post(path, starter);
        assertThat(withoutYear.status()).isEqualTo(422);
        assertThat(fields(withoutYear)).containsExactly("p45TaxYear");
        starter.put("p45TaxYear", "2025-27");
        assertThat(fields(api().as(setup.preparerToken()).post(path, starter))).containsExactly("p45TaxYear");

        starter.put("p45TaxYear", "2025-26");
        Api.Response hired = api().as(setup.preparerToken()).post(path, starter);
        assertThat(hired.status()).as(hired.body().toString()).isEqualTo(201);
        assertThat(hired.body().path("taxData").path("p45Pay").asString()).isEqualTo("18000.00");
        assertThat(hired.body().path("taxData").path("p45TaxYear").asString()).isEqualTo("2025-26");
        Map<String, Object> american = PayrollSetup.usEmployee("E8");
        american.put("p45Pay", "1.00");
        assertThat(fields(api().as(setup.preparerToken()).post(path, american))).contains("p45Pay");
    }

    @Test
    void anIndianRecordMayNotSayPensionMemberWhenTheEpsRuleSaysNot() {
        Api preparer = api().as(setup.preparerToken());
        Map<String, Object> member = PayrollSetup.indianEmployee("I1");
        member.put("epsMember", "true");
        Api.Response refused = preparer.post(path, member);
        assertThat(refused.status()).as("joined 2024 on 1,00,000 a month").isEqualTo(422);
        assertThat(refused.text("field")).isEqualTo("epsMember");
        member.remove("epsMember");
        assertThat(preparer.post(path, member).text("field")).as("a member unless told otherwise").isEqualTo("epsMember");
        member.put("epsMember", "true");
        member.put("startDate", "2014-09-01");
        assertThat(preparer.post(path, member).status()).as("joined on 1 September 2014, not after").isEqualTo(201);

        Map<String, Object> atTheCeiling = PayrollSetup.indianEmployee("I2");
        atTheCeiling.put("annualSalary", "180000.00");
        atTheCeiling.put("epsMember", "true");
        Api.Response joined = preparer.post(path, atTheCeiling);
        assertThat(joined.status()).as("15,000 a month is not above 15,000").isEqualTo(201);
        assertThat(preparer.patch(path + "/" + joined.text("id"), Map.of("annualSalary", "600000.00")).status())
                .as("a member stays one after a raise").isEqualTo(200);

        Api.Response notMember = preparer.post(path, PayrollSetup.indianEmployee("I3"));
        assertThat(notMember.status()).isEqualTo(201);
        Api.Response changed = preparer.patch(path + "/" + notMember.text("id"), Map.of("epsMember", "true"));
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.text("field")).isEqualTo("epsMember");
    }

    @Test
    void everyProblemIsNamedWithItsField() {
        Map<String, Object> uk = PayrollSetup.ukEmployee("E2");
        uk.put("taxCode", "1257Q");
        uk.put("niCategory", "Q");
        uk.put("bankRouting", "40478");
        Api.Response refused = api().as(setup.preparerToken()).post(path, uk);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactlyInAnyOrder("bankRouting", "taxCode", "niCategory");
        assertThat(refused.body().path("errors").get(0).path("reason").asString()).isNotBlank();

        Map<String, Object> welshCodeInScotland = PayrollSetup.ukEmployee("E2");
        welshCodeInScotland.put("taxResidence", "SCT");
        assertThat(fields(api().as(setup.preparerToken()).post(path, welshCodeInScotland))).containsExactly("taxCode");

        Map<String, Object> exemptWithCredits = PayrollSetup.usEmployee("E3");
        exemptWithCredits.put("w4Exempt", "true");
        Api.Response w4 = api().as(setup.preparerToken()).post(path, exemptWithCredits);
        assertThat(w4.status()).isEqualTo(422);
        assertThat(fields(w4)).containsExactly("w4Exempt");

        Map<String, Object> allowances = PayrollSetup.usEmployee("E3");
        allowances.put("w4Allowances", "2");
        assertThat(fields(api().as(setup.preparerToken()).post(path, allowances))).containsExactly("w4Allowances");

        Map<String, Object> badRouting = PayrollSetup.usEmployee("E3");
        badRouting.put("bankRouting", "021000022");
        Api.Response aba = api().as(setup.preparerToken()).post(path, badRouting);
        assertThat(fields(aba)).containsExactly("bankRouting");
        assertThat(aba.body().path("detail").asString()).contains("check digit");

        Map<String, Object> badIban = PayrollSetup.usEmployee("E3");
        badIban.put("bankScheme", "IBAN");
        badIban.remove("bankRouting");
        badIban.put("bankAccount", "GB82 WEST 1234 5698 7654 33");
        assertThat(fields(api().as(setup.preparerToken()).post(path, badIban))).containsExactly("bankAccount");
        badIban.put("bankAccount", "GB82 WEST 1234 5698 7654 32");
        assertThat(api().as(setup.preparerToken()).post(path, badIban).status()).as("a valid IBAN").isEqualTo(201);

        Map<String, Object> otherCountry = PayrollSetup.usEmployee("E4");
        otherCountry.put("niCategory", "A");
        otherCountry.put("payGroup", "UK-M");
        otherCountry.put("annualSalary", "-5");
        assertThat(fields(api().as(setup.preparerToken()).post(path, otherCountry)))
                .containsExactlyInAnyOrder("niCategory", "annualSalary");
        otherCountry.remove("niCategory");
        otherCountry.put("annualSalary", "5");
        assertThat(fields(api().as(setup.preparerToken()).post(path, otherCountry))).containsExactly("payGroup");

        assertThat(api().as(setup.preparerToken()).get(path).body().path("items").size()).as("only the valid IBAN one").isEqualTo(1);
    }

    @Test
    void anotherClientsEmployeesAreNotFound() {
        PayrollSetup.Setup other = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        String otherPath = "/api/v1/clients/" + other.client().id() + "/payroll/employees";
        String theirs = api().as(other.preparerToken()).post(otherPath, PayrollSetup.usEmployee("T1")).text("id");
        for (String token : List.of(setup.preparerToken(), setup.approverToken())) {
            Api api = api().as(token);
            assertThat(api.get(otherPath).status()).isEqualTo(404);
            assertThat(api.get(otherPath + "/" + theirs).status()).isEqualTo(404);
            assertThat(api.get(path + "/" + theirs).status()).as("their id under our client").isEqualTo(404);
            assertThat(api.post(otherPath, PayrollSetup.usEmployee("X1")).status()).isEqualTo(404);
            assertThat(api.patch(otherPath + "/" + theirs, Map.of("givenName", "Mallory")).status()).isEqualTo(404);
            assertThat(api.patch(path + "/" + theirs, Map.of("givenName", "Mallory")).status()).isEqualTo(404);
            assertThat(api.get("/api/v1/clients/" + other.client().id() + "/payroll/pay-groups").status()).isEqualTo(404);
        }
        assertThat(api().as(other.preparerToken()).get(otherPath + "/" + theirs).text("givenName")).isEqualTo("Dana");
    }

    private static List<String> fields(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(422);
        return response.body().path("errors").valueStream().map(error -> error.path("field").asString()).toList();
    }
}
