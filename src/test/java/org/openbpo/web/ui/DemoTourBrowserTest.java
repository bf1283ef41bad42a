package org.openbpo.web.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.demo.DemoData;
import org.openbpo.demo.DemoLogins;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo provider's administrator walks through the shell. Besides checking the pages against
 * realistic data, it leaves the screenshots the README and reviewers look at.
 */
class DemoTourBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    DemoData demoData;

    @Test
    void theDemoAdministratorSeesTheDemoProvider() {
        demoData.loadOnce();
        browser.logIn("admin@openbpo.example", DemoLogins.PASSWORD);

        // Other tests add clients to the shared database, so look for the demo's three in the switcher, not the newest list.
        assertThat(browser.texts("#active-client option")).contains("Lakeshore Retail (LAKESHORE)",
                "Albion Mutual (ALBION)", "Kaveri Software (KAVERI)");
        browser.choose("#active-client", "Albion Mutual (ALBION)");
        browser.await().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".active-client-name")));
        assertThat(browser.text(".active-client-name")).isEqualTo("Albion Mutual");
        browser.screenshot("demo-dashboard");

        browser.open("/admin/staff");
        assertThat(staffNames()).contains("Ana Reyes", "Oliver Grant", "Maria Dela Cruz");
        browser.open("/admin/staff");
        browser.screenshot("demo-staff");

        browser.open("/admin/clients");
        while (browser.findAll("tr[data-code='KAVERI']").isEmpty() && !browser.findAll("#next-page").isEmpty()) {
            browser.clickToLoad("#next-page"); // other tests' clients may come first in code order
        }
        assertThat(browser.find("tr[data-code='KAVERI']").getText()).contains("Kaveri Software", "IN", "INR", "Active");
        browser.open("/admin/clients");
        browser.screenshot("demo-clients");

        browser.click("#new-client").type("#code", "ALBION").type("#name", "Albion Again")
                .type("#legalEntity", "Albion Again plc").type("#country", "GB").type("#currency", "GBX")
                .type("#timeZone", "Europe/London").click("#save-client");
        assertThat(browser.text("#code ~ .field-error")).isEqualTo("A client with code ALBION already exists.");
        browser.screenshot("demo-client-form-error");
    }

    /** Other tests add staff to the shared database, so the demo's people may be on any page of the list. */
    private List<String> staffNames() {
        List<String> names = new ArrayList<>(browser.texts("#user-table .person strong"));
        while (!browser.findAll(".pager a.button:not(.ghost)").isEmpty()) {
            browser.clickToLoad(".pager a.button:not(.ghost)");
            names.addAll(browser.texts("#user-table .person strong"));
        }
        return names;
    }
}
