package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's administrator adds an employee and imports a file on the /payroll page; problems come back by row, field and reason. */
class PayrollEmployeesBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;

    @Test
    void employeesAreAddedByFormAndImportedWithARowByRowReport() throws IOException {
        PayrollSetup.Setup setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        browser.logIn(setup.approver().email(), "long enough password");
        browser.open("/payroll");
        assertThat(browser.findAll("#employee-table")).isEmpty();

        browser.click("#add-employee summary");
        browser.type("#employee-form [name=employeeNumber]", "W1");
        browser.type("#employee-form [name=givenName]", "Rhys");
        browser.type("#employee-form [name=familyName]", "Pritchard");
        browser.choose("#employee-group", "UK-M · UK monthly (GB)");
        browser.choose("#employee-country", "GB");
        browser.type("#employee-form [name=taxResidence]", "WLS");
        browser.find("#employee-form [name=startDate]").sendKeys("01022026");
        browser.type("#employee-form [name=annualSalary]", "36000");
        browser.choose("#employee-form [name=bankScheme]", "GB_SORT_CODE");
        browser.type("#employee-form [name=bankRouting]", "40-47-8");
        browser.type("#employee-form [name=bankAccount]", "70872490");
        browser.type("#employee-form [name=taxCode]", "S1257L");
        browser.type("#employee-form [name=niCategory]", "A");
        browser.clickToLoad("#add-employee-button");
        assertThat(browser.texts("#employee-problems li")).as("every problem with its field")
                .anySatisfy(p -> assertThat(p).startsWith("bankRouting:").contains("sort code"))
                .anySatisfy(p -> assertThat(p).startsWith("taxCode:").contains("Scottish"));
        assertThat(browser.find("#employee-form [name=givenName]").getDomProperty("value")).as("what was typed is kept").isEqualTo("Rhys");
        browser.type("#employee-form [name=bankRouting]", "40-47-84");
        browser.type("#employee-form [name=taxCode]", "C1257L");
        browser.clickToLoad("#add-employee-button");
        assertThat(browser.text(".notice")).contains("W1 added");
        assertThat(browser.texts("#employee-table tbody tr td:first-child")).containsExactly("W1");
        browser.screenshot("payroll-employee-added");

        String header = "employeeNumber,givenName,familyName,country,taxResidence,payGroup,startDate,payBasis,annualSalary,"
                + "bankScheme,bankRouting,bankAccount,taxCode,niCategory\n";
        Path bad = Files.createTempFile("employees", ".csv");
        Files.writeString(bad, header
                + "W2,Nia,Jones,GB,ENG,UK-M,2026-01-05,SALARY,31000,GB_SORT_CODE,200000,55779911,1257L,A\n"
                + "W3,Owen,Bell,GB,ENG,UK-M,2026-01-05,SALARY,29000,GB_SORT_CODE,200000,55779912,1257Q,A\n");
        browser.find("#import-file").sendKeys(bad.toAbsolutePath().toString());
        browser.clickToLoad("#import-button");
        assertThat(browser.text("#problem")).contains("Nothing was imported");
        assertThat(browser.texts("#import-report tbody tr td:nth-child(1)")).containsExactly("3");
        assertThat(browser.texts("#import-report tbody tr td:nth-child(2)")).containsExactly("taxCode");
        assertThat(browser.texts("#import-report tbody tr td:nth-child(3)").getFirst()).contains("1257Q");
        assertThat(browser.texts("#employee-table tbody tr td:first-child")).as("the valid row was not applied either").containsExactly("W1");
        browser.screenshot("payroll-import-report");

        Path good = Files.createTempFile("employees", ".csv");
        Files.writeString(good, header
                + "W2,Nia,Jones,GB,ENG,UK-M,2026-01-05,SALARY,31000,GB_SORT_CODE,200000,55779911,1257L,A\n"
                + "W3,Owen,Bell,GB,ENG,UK-M,2026-01-05,SALARY,29000,GB_SORT_CODE,200000,55779912,1257L,A\n");
        browser.find("#import-file").sendKeys(good.toAbsolutePath().toString());
        browser.clickToLoad("#import-button");
        assertThat(browser.text(".notice")).contains("2 employees added");
        assertThat(browser.texts("#employee-table tbody tr td:first-child")).containsExactly("W1", "W2", "W3");
        assertThat(browser.findAll("#import-report")).isEmpty();
    }
}
