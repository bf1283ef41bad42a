package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.testing.Api;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The client's HR raises an employee's payroll question on the employee's page and sees it listed there. */
class PayrollQuestionBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;

    @Test
    void aQuestionIsRaisedFromTheEmployeesPageAndListedThere() {
        PayrollSetup.Setup setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        PayrollQuestionTest.takesQuestions(context, setup);
        String base = "/api/v1/clients/" + setup.client().id() + "/payroll";
        Api.Response hired = api().as(setup.preparerToken()).post(base + "/employees", PayrollSetup.ukEmployee("E1"));
        String page = "/payroll/" + setup.client().id() + "/employees/" + hired.text("id");

        browser.logIn(setup.approver().email(), "long enough password");
        browser.open(page);
        assertThat(browser.findAll("#question-table")).isEmpty();
        browser.choose("#question-topic", "DEDUCTION");
        browser.type("#question-run", "424242");
        browser.type("#question-text", "Why was the pension taken twice in January?");
        browser.clickToLoad("#raise-question");
        assertThat(browser.text("#problem")).startsWith("payRun:").contains("424242");
        assertThat(browser.find("#question-text").getDomProperty("value")).as("what was typed is kept")
                .isEqualTo("Why was the pension taken twice in January?");
        assertThat(browser.find("#question-topic").getDomProperty("value")).isEqualTo("DEDUCTION");
        assertThat(browser.find("#question-run").getDomProperty("value")).isEqualTo("424242");

        browser.find("#question-run").clear();
        browser.clickToLoad("#raise-question");
        assertThat(browser.text(".notice")).contains("is raised with the payroll team");
        assertThat(browser.texts("#question-table tbody tr td:nth-child(2)")).singleElement()
                .asString().contains("DEDUCTION", "Alys Morgan");
        assertThat(browser.texts("#question-table tbody tr td:nth-child(3)")).containsExactly("new");
        browser.screenshot("payroll-question-raised");
        assertThat(api().as(setup.checkerToken()).get(base + "/employees/" + hired.text("id") + "/questions").body().size()).isEqualTo(1);
    }
}
