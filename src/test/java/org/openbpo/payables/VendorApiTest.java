package org.openbpo.payables;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Vendors through the API: masked bank details, checked account numbers, and the second person on every bank change. */
class VendorApiTest extends IntegrationTest {

    static final Map<String, Object> US_BANK = Map.of("scheme", "US", "routingNumber", "021000021", "accountNumber", "123456789");

    @Autowired
    ApplicationContext context;

    PayablesFixture.Setup setup;

    @BeforeEach
    void client() {
        setup = PayablesFixture.client(context, IntegrationTest::unique, providerAdministrator(), "US", "America/Chicago", "USD");
    }

    static Map<String, Object> vendor(String code, List<String> currencies, Map<String, Object> bank) {
        Map<String, Object> vendor = new LinkedHashMap<>();
        vendor.put("code", code);
        vendor.put("name", "Vendor " + code);
        vendor.put("taxId", "TAX-" + code);
        vendor.put("currencies", currencies);
        vendor.put("termsDays", 30);
        vendor.put("discountPercent", "2");
        vendor.put("discountDays", 10);
        if (bank != null) {
            vendor.put("bank", bank);
        }
        return vendor;
    }

    @Test
    void bankDetailsTakeEffectOnlyWhenASecondPersonApprovesThem() {
        Api clerk = api().as(setup.clerkToken());
        Api.Response created = clerk.post(setup.path() + "/vendors", vendor("ACME", List.of("USD"), US_BANK));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String vendorId = created.text("id");
        assertThat(created.body().path("bankAccount").isNull()).as("not payable before approval").isTrue();
        String changeId = created.text("pendingBankChange");
        assertThat(changeId).isNotBlank();
        assertThat(created.body().toString()).doesNotContain("123456789");

        Api.Response selfApproved = clerk.post(setup.path() + "/vendors/" + vendorId + "/bank-changes/" + changeId + "/decision",
                Map.of("approve", true));
        assertThat(selfApproved.status()).isEqualTo(409);
        assertThat(selfApproved.text("code")).isEqualTo("second-approver-required");
        assertThat(clerk.get(setup.path() + "/vendors/" + vendorId).body().path("bankAccount").isNull()).isTrue();

        Api.Response requester = api().as(setup.requesterToken()).post(setup.path() + "/vendors/" + vendorId + "/bank-changes/"
                + changeId + "/decision", Map.of("approve", true));
        assertThat(requester.status()).isEqualTo(403);

        Api.Response approved = api().as(setup.secondClerkToken()).post(setup.path() + "/vendors/" + vendorId + "/bank-changes/"
                + changeId + "/decision", Map.of("approve", true));
        assertThat(approved.status()).as(approved.body().toString()).isEqualTo(200);
        assertThat(approved.text("status")).isEqualTo("APPROVED");
        Api.Response vendor = clerk.get(setup.path() + "/vendors/" + vendorId);
        assertThat(vendor.text("bankAccount")).isEqualTo("021000021 ••••6789");
        assertThat(vendor.body().path("pendingBankChange").isNull()).isTrue();

        // A fraudster's "new account" letter: the change waits and payments still go to the approved account.
        Api.Response change = api().as(setup.clientAdminToken()).post(setup.path() + "/vendors/" + vendorId + "/bank-changes",
                Map.of("scheme", "US", "routingNumber", "011000138", "accountNumber", "99990000"));
        assertThat(change.status()).isEqualTo(201);
        assertThat(clerk.get(setup.path() + "/vendors/" + vendorId).text("bankAccount")).isEqualTo("021000021 ••••6789");
        assertThat(api().as(setup.clientAdminToken()).post(setup.path() + "/vendors/" + vendorId + "/bank-changes/"
                + change.text("id") + "/decision", Map.of("approve", true)).status()).isEqualTo(409);
        assertThat(clerk.post(setup.path() + "/vendors/" + vendorId + "/bank-changes", US_BANK).text("code"))
                .isEqualTo("bank-change-pending");
        Api.Response rejected = clerk.post(setup.path() + "/vendors/" + vendorId + "/bank-changes/" + change.text("id") + "/decision",
                Map.of("approve", false));
        assertThat(rejected.text("status")).isEqualTo("REJECTED");
        assertThat(clerk.get(setup.path() + "/vendors/" + vendorId).text("bankAccount")).isEqualTo("021000021 ••••6789");
        assertThat(clerk.get(setup.path() + "/vendors/" + vendorId + "/bank-changes").body().size()).isEqualTo(2);
    }

    @Test
    void badBankDetailsAndVendorsAreRefusedNamingTheField() {
        Api clerk = api().as(setup.clerkToken());
        Map<String, Api.Response> attempts = new LinkedHashMap<>();
        attempts.put("bankAccount.routingNumber", clerk.post(setup.path() + "/vendors", vendor("V1", List.of("USD"),
                Map.of("scheme", "US", "routingNumber", "021000022", "accountNumber", "1"))));
        attempts.put("iban", clerk.post(setup.path() + "/vendors", vendor("V2", List.of("EUR"),
                Map.of("scheme", "IBAN", "iban", "DE89370400440532013001"))));
        attempts.put("sortCode", clerk.post(setup.path() + "/vendors", vendor("V3", List.of("GBP"),
                Map.of("scheme", "UK", "sortCode", "12-34", "accountNumber", "12345678"))));
        attempts.put("currencies[0]", clerk.post(setup.path() + "/vendors", vendor("V4", List.of("usd"), US_BANK)));
        attempts.put("currencies[1]", clerk.post(setup.path() + "/vendors", vendor("V5", List.of("USD", "XYZ"), US_BANK)));
        attempts.forEach((field, response) -> {
            assertThat(response.status()).as(field + " " + response.body()).isEqualTo(422);
            assertThat(response.text("field")).as(field).isEqualTo(field.equals("bankAccount.routingNumber") ? "routingNumber" : field);
        });
        assertThat(clerk.post(setup.path() + "/vendors", vendor("V6", List.of("USD"), null)).status()).isEqualTo(201);
        Api.Response again = clerk.post(setup.path() + "/vendors", vendor("V6", List.of("USD"), null));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("vendor-exists");
        assertThat(clerk.get(setup.path() + "/vendors").body().path("items").size()).as("nothing else was saved").isEqualTo(1);
    }
}
