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
import static org.openbpo.payables.InvoiceCaptureTest.invoice;

/** Every payables endpoint, tried with another client's ids: 404, never 403, and nothing changes. */
class PayablesIsolationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    PayablesFixture.Setup own;
    PayablesFixture.Setup other;
    String vendor;
    String change;
    String invoiceId;
    String order;
    String proposal;
    String creditNote;
    String mail;

    @BeforeEach
    void twoClients() {
        own = PayablesFixture.client(context, IntegrationTest::unique, providerAdministrator(), "US", "America/New_York", "USD");
        other = PayablesFixture.client(context, IntegrationTest::unique, providerAdministrator(), "US", "America/New_York", "USD");
        Api theirs = api().as(other.clerkToken());
        Api.Response created = theirs.post(other.path() + "/vendors", VendorApiTest.vendor("THEIRS", List.of("USD"), VendorApiTest.US_BANK));
        vendor = created.text("id");
        change = created.text("pendingBankChange");
        api().as(other.secondClerkToken()).post(other.path() + "/vendors/" + vendor + "/bank-changes/" + change + "/decision", Map.of("approve", true));
        order = theirs.post(other.path() + "/purchase-orders", Map.of("number", "PO-T", "vendor", "THEIRS", "currency", "USD",
                "receiptRequired", false, "lines", List.of(Map.of("description", "X", "quantity", "1", "unitPrice", "10.00")))).text("id");
        Map<String, Object> matched = invoice("THEIRS", "T-1", "2026-03-01", "USD", "10.00");
        matched.put("purchaseOrder", "PO-T");
        matched.put("lines", List.of(Map.of("description", "X", "quantity", "1", "unitPrice", "10.00", "orderLine", 1)));
        invoiceId = theirs.post(other.path() + "/invoices", matched).text("id");
        Api.Response proposed = theirs.post(other.path() + "/proposals", Map.of("currency", "USD", "dueBy", "2026-12-31", "payOn", "2026-03-10"));
        assertThat(proposed.status()).as(proposed.body().toString()).isEqualTo(201);
        proposal = proposed.text("id");
        Api.Response credited = theirs.post(other.path() + "/credit-notes", Map.of("vendor", "THEIRS", "number", "CN-T",
                "creditDate", "2026-03-02", "currency", "USD", "amount", "1.00"));
        assertThat(credited.status()).as(credited.body().toString()).isEqualTo(201);
        creditNote = credited.text("id");
        assertThat(api().as(other.clientAdminToken()).put(other.path() + "/mailbox", MAILBOX).status()).isEqualTo(200);
        Api.Response relayed = theirs.post(other.path() + "/inbound-mail", "message/rfc822",
                VendorMail.from("billing@theirs.test").subject("Their PDF").attach("t.pdf", "application/pdf", VendorMail.PDF).bytes());
        assertThat(relayed.status()).as(relayed.body().toString()).isEqualTo(201);
        mail = relayed.body().path("message").path("id").asString();
    }

    static final Map<String, Object> MAILBOX = Map.of("host", "imap.client.test", "port", 993, "security", "TLS",
            "username", "ap@client.test", "password", "secret", "folder", "INBOX");

    @Test
    void anotherClientsPayablesAreNotFound() {
        for (String token : List.of(own.clerkToken(), own.approverToken(), own.clientAdminToken())) {
            Api api = api().as(token);
            assertThat(api.get(own.path() + "/vendors").status()).isEqualTo(200);
            Map<String, Api.Response> attempts = new LinkedHashMap<>();
            String them = other.path();
            attempts.put("vendors", api.get(them + "/vendors"));
            attempts.put("register vendor", api.post(them + "/vendors", VendorApiTest.vendor("X", List.of("USD"), null)));
            attempts.put("vendor", api.get(them + "/vendors/" + vendor));
            attempts.put("their vendor under our id", api.get(own.path() + "/vendors/" + vendor));
            attempts.put("bank changes", api.get(them + "/vendors/" + vendor + "/bank-changes"));
            attempts.put("request change", api.post(own.path() + "/vendors/" + vendor + "/bank-changes", VendorApiTest.US_BANK));
            attempts.put("decide change", api.post(own.path() + "/vendors/" + vendor + "/bank-changes/" + change + "/decision", Map.of("approve", false)));
            attempts.put("pending changes", api.get(them + "/bank-changes"));
            attempts.put("invoices", api.get(them + "/invoices"));
            attempts.put("capture", api.post(them + "/invoices", invoice("THEIRS", "T-2", "2026-03-01", "USD", "1.00")));
            attempts.put("invoice", api.get(them + "/invoices/" + invoiceId));
            attempts.put("their invoice under our id", api.get(own.path() + "/invoices/" + invoiceId));
            attempts.put("approve", api.post(own.path() + "/invoices/" + invoiceId + "/approval", Map.of()));
            attempts.put("reject", api.post(own.path() + "/invoices/" + invoiceId + "/rejection", Map.of()));
            attempts.put("resolve", api.post(own.path() + "/invoices/" + invoiceId + "/resolution", Map.of("accept", true)));
            attempts.put("order", api.get(own.path() + "/purchase-orders/" + order));
            attempts.put("receive", api.post(own.path() + "/purchase-orders/" + order + "/receipts", Map.of("line", 1, "quantity", "1", "receivedOn", "2026-03-02")));
            attempts.put("orders", api.get(them + "/purchase-orders"));
            attempts.put("proposal", api.get(own.path() + "/proposals/" + proposal));
            attempts.put("approve proposal", api.post(own.path() + "/proposals/" + proposal + "/approval", Map.of()));
            attempts.put("run", api.post(own.path() + "/proposals/" + proposal + "/run", Map.of()));
            attempts.put("proposals", api.get(them + "/proposals"));
            attempts.put("settings", api.get(them + "/settings"));
            attempts.put("limits", api.get(them + "/approval-limits"));
            if (token.equals(own.clientAdminToken())) {
                // Only administrators may set limits at all; for them another client's user is not found.
                attempts.put("set limit", api.put(own.path() + "/approval-limits/" + other.approver().id(), Map.of("currency", "USD", "maximum", "1")));
            }
            attempts.put("credit notes", api.get(them + "/credit-notes"));
            attempts.put("credit note", api.get(them + "/credit-notes/" + creditNote));
            attempts.put("their credit note under our id", api.get(own.path() + "/credit-notes/" + creditNote));
            attempts.put("their credit note's allocations under our id", api.get(own.path() + "/credit-notes/" + creditNote + "/allocations"));
            attempts.put("their credit note's allocations", api.get(them + "/credit-notes/" + creditNote + "/allocations"));
            attempts.put("capture credit note", api.post(them + "/credit-notes", Map.of("vendor", "THEIRS", "number", "CN-X",
                    "creditDate", "2026-03-02", "currency", "USD", "amount", "1.00")));
            attempts.put("credit note import", api.post(them + "/credit-note-imports", "text/csv",
                    "vendor,number,date,currency,amount\nTHEIRS,CN-Y,2026-03-02,USD,1.00\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            attempts.put("mailbox", api.get(them + "/mailbox"));
            attempts.put("set up mailbox", api.put(them + "/mailbox", MAILBOX));
            attempts.put("remove mailbox", api.delete(them + "/mailbox"));
            attempts.put("fetch mailbox", api.post(them + "/mailbox/fetches", Map.of()));
            attempts.put("hand in mail", api.post(them + "/inbound-mail", "message/rfc822",
                    VendorMail.from("x@theirs.test").attach("x.pdf", "application/pdf", VendorMail.PDF).bytes()));
            attempts.put("mails", api.get(them + "/inbound-mail"));
            attempts.put("mail", api.get(them + "/inbound-mail/" + mail));
            attempts.put("their mail under our id", api.get(own.path() + "/inbound-mail/" + mail));
            attempts.put("their raw mail under our id", api.get(own.path() + "/inbound-mail/" + mail + "/raw"));
            attempts.put("their PDF under our id", api.get(own.path() + "/inbound-mail/" + mail + "/documents/1"));
            attempts.put("their PDF", api.get(them + "/inbound-mail/" + mail + "/documents/1"));
            attempts.put("key in their mail under our id", api.post(own.path() + "/inbound-mail/" + mail + "/invoice",
                    invoice("THEIRS", "T-9", "2026-03-01", "USD", "1.00")));
            attempts.put("their invoice's mail under our id", api.get(own.path() + "/invoices/" + invoiceId + "/mail"));
            attempts.put("aging", api.get(them + "/reports/aging"));
            attempts.put("forecast", api.get(them + "/reports/cash-forecast"));
            attempts.forEach((what, response) -> {
                assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(404);
                assertThat(response.text("code")).as(what).isEqualTo("not-found");
            });
        }
        Api theirs = api().as(other.clerkToken());
        assertThat(theirs.get(other.path() + "/invoices/" + invoiceId).text("status")).as("nothing changed").isEqualTo("PROPOSED");
        assertThat(theirs.get(other.path() + "/proposals/" + proposal).text("status")).isEqualTo("DRAFT");
        assertThat(theirs.get(other.path() + "/vendors/" + vendor + "/bank-changes").body().size()).isEqualTo(1);
        assertThat(theirs.get(other.path() + "/inbound-mail/" + mail).text("status")).isEqualTo("TO_KEY");
        assertThat(theirs.get(other.path() + "/inbound-mail").body().path("items").size()).as("nothing handed in for them").isEqualTo(1);
        assertThat(theirs.get(other.path() + "/mailbox").text("host")).isEqualTo("imap.client.test");
    }
}
