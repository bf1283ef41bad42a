package org.openbpo.payables;

import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.FormSession;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clerk records a purchase order on the payables page with the tax each line's goods bear, as the
 * API allows: a rate the API refuses is refused beside its input with what was typed kept, and an
 * order recorded carries its rates.
 */
class PurchaseOrderPageTest extends IntegrationTest {


    @Autowired
    ApplicationContext context;

    @Test
    void aPurchaseOrderIsRecordedWithEachLinesTaxAndABadRateIsShownBesideItsInput() throws Exception {
        CurrentUser admin = providerAdministrator();
        PayablesFixture.Setup setup = PayablesFixture.client(context, IntegrationTest::unique, admin, "GB", "Europe/London", "GBP");
        Api clerk = api().as(setup.clerkToken());
        assertThat(clerk.post(setup.path() + "/vendors", VendorApiTest.vendor("PAPER", List.of("GBP"), null)).status()).isEqualTo(201);
        FormSession session = new FormSession(port, setup.clerk().email(), "long enough password").workingFor(setup.client().id());

        Map<String, String> form = new LinkedHashMap<>();
        form.put("number", "PO-UI-1");
        form.put("vendor", "PAPER");
        form.put("currency", "gbp");
        form.put("line0.description", "Copier paper");
        form.put("line0.quantity", "10");
        form.put("line0.unitPrice", "4.50");
        form.put("line0.taxPercent", "120");
        form.put("line1.description", "Books");
        form.put("line1.quantity", "2");
        form.put("line1.unitPrice", "12");
        form.put("line1.taxPercent", "");
        form.put("line2.description", "Toner");
        form.put("line2.quantity", "1");
        form.put("line2.unitPrice", "80");
        form.put("line2.taxPercent", "five");

        HttpResponse<String> refused = session.post("/payables/purchase-orders", form);
        assertThat(refused.statusCode()).isEqualTo(200);
        String body = refused.body();
        assertThat(errorBeside(body, "line0.taxPercent")).contains("must be less than or equal to 100");
        assertThat(errorBeside(body, "line2.taxPercent")).contains("a percentage");
        assertThat(errorBeside(body, "line1.taxPercent")).isNull();
        assertThat(body).contains("name=\"line0.taxPercent\"").contains("value=\"120\"").contains("value=\"five\"")
                .contains("value=\"Copier paper\"").contains("value=\"PO-UI-1\"");
        assertThat(clerk.get(setup.path() + "/purchase-orders").body().path("items").size()).isZero();

        form.put("line0.taxPercent", "20");
        form.put("line2.taxPercent", "5 %");
        HttpResponse<String> recorded = session.post("/payables/purchase-orders", form);
        assertThat(recorded.statusCode()).isEqualTo(302);

        Api.Response orders = clerk.get(setup.path() + "/purchase-orders");
        var order = orders.body().path("items").get(0);
        assertThat(order.path("number").asString()).isEqualTo("PO-UI-1");
        assertThat(order.path("currency").asString()).isEqualTo("GBP");
        var lines = order.path("lines");
        assertThat(lines.get(0).path("taxPercent").decimalValue()).isEqualByComparingTo("20");
        assertThat(lines.get(1).path("taxPercent").isNull()).isTrue();
        assertThat(lines.get(2).path("taxPercent").decimalValue()).isEqualByComparingTo("5");
        assertThat(session.get("/payables").body()).contains("1. Copier paper: 10 × GBP 4.5, tax 20%");
    }

    @Test
    void anOrderWithMoreLinesThanTheFormShowsIsRecordedAndTheFormOffersToAddALine() throws Exception {
        CurrentUser admin = providerAdministrator();
        PayablesFixture.Setup setup = PayablesFixture.client(context, IntegrationTest::unique, admin, "GB", "Europe/London", "GBP");
        Api clerk = api().as(setup.clerkToken());
        assertThat(clerk.post(setup.path() + "/vendors", VendorApiTest.vendor("PAPER", List.of("GBP"), null)).status()).isEqualTo(201);
        FormSession session = new FormSession(port, setup.clerk().email(), "long enough password").workingFor(setup.client().id());

        String page = session.get("/payables").body();
        assertThat(page).as("four rows, and a button a script shows to add more").contains("name=\"line3.description\"")
                .doesNotContain("name=\"line4.description\"")
                .containsPattern("<button type=\"button\"[^>]*id=\"add-po-line\"[^>]*data-add-row=\"po-lines\"[^>]*hidden");

        // the rows a script added are numbered on, and the order has all six lines
        Map<String, String> form = new LinkedHashMap<>();
        form.put("number", "PO-UI-6");
        form.put("vendor", "PAPER");
        form.put("currency", "GBP");
        for (int i = 0; i < 6; i++) {
            form.put("line" + i + ".description", "Item " + (i + 1));
            form.put("line" + i + ".quantity", "1");
            form.put("line" + i + ".unitPrice", i == 5 ? "ten" : "10");
            form.put("line" + i + ".taxPercent", "20");
        }
        String refused = session.post("/payables/purchase-orders", form).body();
        assertThat(errorBeside(refused, "line5.unitPrice")).contains("a number");
        assertThat(refused).contains("value=\"Item 6\"");
        form.put("line5.unitPrice", "10");
        assertThat(session.post("/payables/purchase-orders", form).statusCode()).isEqualTo(302);
        var lines = clerk.get(setup.path() + "/purchase-orders").body().path("items").get(0).path("lines");
        assertThat(lines.size()).isEqualTo(6);
        assertThat(lines.get(5).path("description").asString()).isEqualTo("Item 6");
    }

    /** The error shown in the same cell as the named input, or null. */
    private static String errorBeside(String body, String name) {
        int input = body.indexOf("name=\"" + name + "\"");
        assertThat(input).as(name).isPositive();
        int cellEnd = body.indexOf("</td>", input);
        Matcher error = Pattern.compile("class=\"field-error\">([^<]*)<").matcher(body.substring(input, cellEnd));
        return error.find() ? error.group(1) : null;
    }

}
