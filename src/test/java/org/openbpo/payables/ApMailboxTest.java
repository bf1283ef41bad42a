package org.openbpo.payables;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.payables.mail.InvoiceMailboxPoller;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invoices by email to a client's AP mailbox on a real (in-process) IMAP server: e-invoices are
 * captured through the usual capture, a PDF alone becomes a draft for an agent to key in, machines'
 * mail and loops are ignored, executables and bad e-invoices are refused with the reason, and a node
 * that dies before recording its place fetches again without capturing anything twice.
 */
class ApMailboxTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Autowired
    ApplicationContext context;
    @Autowired
    InvoiceMailboxPoller poller;
    @Autowired
    WorkItems workItems;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    PayablesFixture.Setup setup;
    Api clerk;
    Api providerAdmin;
    GreenMailUser mailbox;
    String address;

    @BeforeEach
    void aClientWithAnApMailbox() {
        CurrentUser admin = providerAdministrator();
        setup = PayablesFixture.client(context, IntegrationTest::unique, admin, "GB", "Europe/London", "GBP");
        clerk = api().as(setup.clerkToken());
        providerAdmin = api().as(PayablesFixture.token(context, admin));
        assertThat(clerk.post(setup.path() + "/vendors", VendorApiTest.vendor("PAPER", List.of("GBP"), null)).status()).isEqualTo(201);
        address = "ap@" + setup.client().code().toLowerCase() + ".test";
        mailbox = mailServer.setUser(address, address, "mailbox secret");
        // The test's mail server runs on this machine, an address only the provider's staff may name.
        Api.Response set = providerAdmin.put(setup.path() + "/mailbox", Map.of("host", "localhost",
                "port", mailServer.getImap().getPort(), "security", "NONE", "username", address, "password", "mailbox secret",
                "address", address));
        assertThat(set.status()).as(set.body().toString()).isEqualTo(200);
        assertThat(set.body().path("passwordStored").asBoolean()).isTrue();
        assertThat(set.body().has("password")).isFalse();
    }

    @Test
    void eInvoicesAreCapturedPdfsBecomeDraftsAndMachinesAndLoopsAreIgnored() throws Exception {
        String ubl = EInvoices.invoice("MAIL-1", "TAX-PAPER", "GBP", "10", "5.00", "50.00", "10.00", "60.00", null);
        deliver(VendorMail.from("Paper Ltd <billing@paper.test>").subject("Invoice MAIL-1")
                .attach("MAIL-1.xml", "application/xml", ubl).attach("MAIL-1.pdf", "application/pdf", VendorMail.PDF));
        deliver(VendorMail.from("billing@ink.test").subject("Our invoice 77").attach("invoice-77.pdf", "application/pdf", VendorMail.PDF));
        deliver(VendorMail.from("billing@paper.test").subject("Out of office").header("Auto-Submitted", "auto-replied"));
        deliver(VendorMail.from(address).subject("Fwd: invoice").attach("x.pdf", "application/pdf", VendorMail.PDF));
        deliver(VendorMail.from("crook@bad.test").subject("Invoice").attach("invoice.pdf.exe", "application/octet-stream",
                "MZ\u0090\u0000 program".getBytes(StandardCharsets.ISO_8859_1)));
        deliver(VendorMail.from("billing@paper.test").subject("Invoice again").attach("again.xml", "application/xml", ubl));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"><ID>&x;</ID></Invoice>";
        deliver(VendorMail.from("billing@paper.test").subject("Entity").attach("evil.xml", "application/xml", xxe));

        Map<String, JsonNode> bySubject = fetchUntil(7);

        JsonNode captured = bySubject.get("Invoice MAIL-1");
        assertThat(captured.path("status").asString()).as(captured.toString()).isEqualTo("CAPTURED");
        assertThat(captured.path("source").asString()).isEqualTo("IMAP");
        String invoiceId = captured.path("invoiceIds").get(0).asString();
        Api.Response invoice = clerk.get(setup.path() + "/invoices/" + invoiceId);
        assertThat(invoice.text("number")).isEqualTo("MAIL-1");
        assertThat(invoice.text("source")).isEqualTo("UBL");
        assertThat(invoice.text("status")).isEqualTo("AWAITING_APPROVAL");
        assertThat(captured.path("documents").valueStream().map(d -> d.path("kind").asString())).containsExactly("UBL_INVOICE", "PDF");
        Api.Response ofInvoice = clerk.get(setup.path() + "/invoices/" + invoiceId + "/mail");
        assertThat(ofInvoice.status()).as(ofInvoice.body().toString()).isEqualTo(200);
        assertThat(ofInvoice.body().get(0).path("id").asString()).isEqualTo(captured.path("id").asString());

        JsonNode draft = bySubject.get("Our invoice 77");
        assertThat(draft.path("status").asString()).isEqualTo("TO_KEY");
        WorkItem item = as(() -> workItems.get(setup.client().id(), draft.path("workItemId").asLong()));
        assertThat(item.serviceLine()).isEqualTo("accounts-payable");
        assertThat(item.title()).isEqualTo("Key in invoice mailed by billing@ink.test: Our invoice 77");
        assertThat(item.state()).isEqualTo("received");
        Api.Download pdf = clerk.download(setup.path() + "/inbound-mail/" + draft.path("id").asString() + "/documents/1");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.headers().get("content-type")).startsWith("application/pdf");
        assertThat(pdf.headers().get("content-disposition")).startsWith("inline");
        assertThat(pdf.headers().get("x-content-type-options")).isEqualTo("nosniff");
        Api.Download xml = clerk.download(setup.path() + "/inbound-mail/" + captured.path("id").asString() + "/documents/1");
        assertThat(xml.headers().get("content-disposition")).startsWith("attachment");
        assertThat(xml.headers().get("content-type")).startsWith("application/octet-stream");
        assertThat(xml.headers().get("content-security-policy")).isEqualTo("sandbox");
        assertThat(pdf.body()).isEqualTo(VendorMail.PDF);

        assertThat(bySubject.get("Out of office").path("status").asString()).isEqualTo("IGNORED");
        assertThat(bySubject.get("Out of office").path("reason").asString()).isEqualTo("Automatic message: Auto-Submitted: auto-replied");
        assertThat(bySubject.get("Fwd: invoice").path("status").asString()).isEqualTo("IGNORED");
        assertThat(bySubject.get("Fwd: invoice").path("reason").asString()).contains("mail loop");

        JsonNode executable = bySubject.get("Invoice");
        assertThat(executable.path("status").asString()).isEqualTo("REJECTED");
        assertThat(executable.path("reason").asString()).contains("No invoice attached").contains("invoice.pdf.exe refused: executable files are refused");
        assertThat(executable.path("documents").get(0).path("kind").asString()).isEqualTo("REFUSED");
        assertThat(clerk.download(setup.path() + "/inbound-mail/" + executable.path("id").asString() + "/documents/1").status())
                .as("a refused file's content is not kept").isEqualTo(404);

        JsonNode again = bySubject.get("Invoice again");
        assertThat(again.path("status").asString()).isEqualTo("REJECTED");
        assertThat(again.path("reason").asString()).contains("again.xml").contains("already billed invoice MAIL-1");
        JsonNode entity = bySubject.get("Entity");
        assertThat(entity.path("status").asString()).isEqualTo("REJECTED");
        assertThat(entity.path("reason").asString()).contains("evil.xml").contains("DTDs and entities");
        assertThat(as(() -> jdbc.sql("select count(*) from payables.invoice where client_id = ?").param(setup.client().id())
                .query(Long.class).single())).as("one invoice captured in all").isEqualTo(1L);

        Api.Response listed = clerk.get(setup.path() + "/inbound-mail?status=TO_KEY");
        assertThat(listed.body().path("items").valueStream().map(m -> m.path("subject").asString())).containsExactly("Our invoice 77");
        Api.Download raw = clerk.download(setup.path() + "/inbound-mail/" + draft.path("id").asString() + "/raw");
        assertThat(new String(raw.body(), StandardCharsets.UTF_8)).contains("Subject: Our invoice 77");

        Api.Response status = clerk.get(setup.path() + "/mailbox");
        assertThat(status.body().path("failuresInARow").asInt()).isZero();
        assertThat(status.body().path("lastError").isNull()).isTrue();
        byte[] sealed = as(() -> jdbc.sql("select password_sealed from payables.mailbox where client_id = ?")
                .param(setup.client().id()).query(byte[].class).single());
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("mailbox secret");
    }

    @Test
    void anAgentKeysInTheInvoiceOfAMailedPdfAndItsWorkItemIsDone() throws Exception {
        deliver(VendorMail.from("billing@paper.test").subject("Invoice P-9").attach("P-9.pdf", "application/pdf", VendorMail.PDF));
        JsonNode draft = fetchUntil(1).get("Invoice P-9");
        String mail = draft.path("id").asString();
        Map<String, Object> keyed = InvoiceCaptureTest.invoice("PAPER", "P-9", "2026-03-01", "GBP", "120.00");

        Api.Response byClient = api().as(setup.clientAdminToken()).post(setup.path() + "/inbound-mail/" + mail + "/invoice", keyed);
        assertThat(byClient.status()).as("keying in is the provider's work").isEqualTo(403);
        Api.Response captured = clerk.post(setup.path() + "/inbound-mail/" + mail + "/invoice", keyed);
        assertThat(captured.status()).as(captured.body().toString()).isEqualTo(201);
        assertThat(captured.text("number")).isEqualTo("P-9");
        assertThat(captured.text("status")).isEqualTo("AWAITING_APPROVAL");

        JsonNode after = clerk.get(setup.path() + "/inbound-mail/" + mail).body();
        assertThat(after.path("status").asString()).isEqualTo("KEYED");
        assertThat(after.path("invoiceIds").get(0).asString()).isEqualTo(captured.text("id"));
        WorkItem item = as(() -> workItems.get(setup.client().id(), draft.path("workItemId").asLong()));
        assertThat(item.state()).isEqualTo("keyed");
        assertThat(item.category().closed()).isTrue();

        Map<String, Object> second = InvoiceCaptureTest.invoice("PAPER", "P-10", "2026-03-01", "GBP", "1.00");
        Api.Response twice = clerk.post(setup.path() + "/inbound-mail/" + mail + "/invoice", second);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.text("code")).isEqualTo("not-a-draft");
        Api.Response invalid = clerk.post(setup.path() + "/inbound-mail/" + mail + "/invoice", Map.of("vendor", "PAPER"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.body().toString()).contains("number");
    }

    @Test
    void aNodeThatDiedBeforeRecordingItsPlaceFetchesAgainWithoutCapturingTwice() throws Exception {
        deliver(VendorMail.from("billing@paper.test").subject("First").attach("R-1.xml", "application/xml",
                EInvoices.invoice("R-1", "TAX-PAPER", "GBP", "1", "5.00", "5.00", "1.00", "6.00", null)));
        deliver(VendorMail.from("billing@paper.test").subject("Second").attach("R-2.pdf", "application/pdf", VendorMail.PDF));
        Map<String, JsonNode> before = fetchUntil(2);

        // The node stored both messages but died before moving the mailbox's place past them.
        as(() -> jdbc.sql("update payables.mailbox set last_uid = 0 where client_id = ?").param(setup.client().id()).update());
        deliver(VendorMail.from("billing@paper.test").subject("Third").attach("R-3.xml", "application/xml",
                EInvoices.invoice("R-3", "TAX-PAPER", "GBP", "1", "5.00", "5.00", "1.00", "6.00", null)));
        Map<String, JsonNode> after = fetchUntil(3);

        assertThat(after.get("First").path("id")).isEqualTo(before.get("First").path("id"));
        assertThat(after.get("Second").path("workItemId")).isEqualTo(before.get("Second").path("workItemId"));
        assertThat(after.get("Third").path("status").asString()).isEqualTo("CAPTURED");
        assertThat(as(() -> jdbc.sql("select count(*) from payables.invoice where client_id = ?").param(setup.client().id())
                .query(Long.class).single())).isEqualTo(2L);
        assertThat(as(() -> jdbc.sql("select count(*) from work.work_item where client_id = ? and title like 'Key in%'")
                .param(setup.client().id()).query(Long.class).single())).as("one draft item").isEqualTo(1L);

        // A crash between storing a message and reading it leaves it waiting; any node finishes it, once.
        VendorMail late = VendorMail.from("billing@paper.test").subject("Stored before the crash").attach("R-4.xml", "application/xml",
                EInvoices.invoice("R-4", "TAX-PAPER", "GBP", "1", "5.00", "5.00", "1.00", "6.00", null));
        as(() -> context.getBean(org.openbpo.payables.persistence.InboundMailRows.class).insert(setup.client().id(),
                java.util.UUID.randomUUID(), late.messageId(), late.messageId(), "IMAP", late.bytes(), late.bytes().length,
                clock.instant().minus(Duration.ofMinutes(2)), "billing@paper.test", "Stored before the crash", InvoiceMailStatus.RECEIVED, null));
        InvoiceMails mails = context.getBean(InvoiceMails.class);
        mails.finishWaiting(100);
        mails.finishWaiting(100);
        JsonNode stored = fetchUntil(4).get("Stored before the crash");
        assertThat(stored.path("status").asString()).as(stored.toString()).isEqualTo("CAPTURED");
        assertThat(as(() -> jdbc.sql("select count(*) from payables.invoice where client_id = ?").param(setup.client().id())
                .query(Long.class).single())).isEqualTo(3L);
        Api.Response relayedAgain = clerk.post(setup.path() + "/inbound-mail", "message/rfc822", late.bytes());
        assertThat(relayedAgain.status()).as("the same message handed in again is the same message").isEqualTo(200);
        assertThat(relayedAgain.body().path("message").path("id").asString()).isEqualTo(stored.path("id").asString());
    }

    @Test
    void fetchingNowHonoursAnIdempotencyKeyLikeEveryPost() throws Exception {
        String fetches = setup.path() + "/mailbox/fetches";
        deliver(VendorMail.from("billing@paper.test").subject("Keyed 1").attach("K-1.pdf", "application/pdf", VendorMail.PDF));
        Api keyed = providerAdmin.header("Idempotency-Key", "fetch-" + setup.client().id());

        Api.Response first = keyed.post(fetches, Map.of());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("lastFetched").asInt()).isEqualTo(1);

        // A retry of the same request answers as the first did; what its own run fetched is not kept.
        deliver(VendorMail.from("billing@paper.test").subject("Keyed 2").attach("K-2.pdf", "application/pdf", VendorMail.PDF));
        Api.Response retried = keyed.post(fetches, Map.of());
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(clerk.get(setup.path() + "/inbound-mail").body().path("items")).extracting(m -> m.path("subject").asString())
                .containsExactly("Keyed 1");

        // A new request (a new key) fetches what has come since, once.
        Api.Response next = providerAdmin.header("Idempotency-Key", "fetch-again-" + setup.client().id()).post(fetches, Map.of());
        assertThat(next.body().path("lastFetched").asInt()).isEqualTo(1);
        assertThat(clerk.get(setup.path() + "/inbound-mail").body().path("items")).extracting(m -> m.path("subject").asString())
                .containsExactlyInAnyOrder("Keyed 1", "Keyed 2");
    }

    @Test
    void aRelayHandsInRawMailThroughTheApiOnce() {
        VendorMail mail = VendorMail.from("billing@paper.test").subject("Through the relay").attach("RL-1.xml", "application/xml",
                EInvoices.invoice("RL-1", "TAX-PAPER", "GBP", "1", "5.00", "5.00", "1.00", "6.00", null));
        String path = setup.path() + "/inbound-mail";

        Api.Response created = clerk.post(path, "message/rfc822", mail.bytes());
        Api.Response again = clerk.post(path, "message/rfc822", mail.bytes());

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.body().path("message").path("status").asString()).isEqualTo("CAPTURED");
        assertThat(created.body().path("message").path("source").asString()).isEqualTo("RELAY");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("duplicate").asBoolean()).isTrue();
        assertThat(again.body().path("message").path("id")).isEqualTo(created.body().path("message").path("id"));
        assertThat(api().as(setup.requesterToken()).post(path, "message/rfc822", mail.bytes()).status()).isEqualTo(403);
        Api.Response empty = clerk.post(path, "message/rfc822", new byte[0]);
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.text("field")).isEqualTo("body");
        Api.Response garbage = clerk.post(path, "message/rfc822", "no headers at all".getBytes(StandardCharsets.UTF_8));
        assertThat(garbage.status()).isEqualTo(201);
        assertThat(garbage.body().path("message").path("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void anEInvoiceTheDatabaseFailedToCaptureWaitsAndIsCapturedOnceLater() throws Exception {
        VendorMail mail = VendorMail.from("billing@paper.test").subject("Captured when the database lets us").attach("TF-1.xml",
                "application/xml", EInvoices.invoice("TF-1", "TAX-PAPER", "GBP", "1", "5.00", "5.00", "1.00", "6.00", null));
        Api.Response handedIn;
        try (var failure = org.openbpo.testing.SerializationFailure.onceOnInsert("payables.invoice", setup.client().id())) {
            handedIn = clerk.post(setup.path() + "/inbound-mail", "message/rfc822", mail.bytes());
        }
        assertThat(handedIn.status()).as(handedIn.body().toString()).isEqualTo(201);
        assertThat(handedIn.body().path("message").path("status").asString()).as("a passing failure settles nothing").isEqualTo("RECEIVED");
        String id = handedIn.body().path("message").path("id").asString();

        InvoiceMails mails = context.getBean(InvoiceMails.class);
        clock.advance(Duration.ofSeconds(90));
        mails.finishWaiting(100);
        assertThat(statusOf(id)).as("not read again before its pause is over").isEqualTo("RECEIVED");
        clock.advance(Duration.ofMinutes(2));
        // Read here, or by the poller's own tick in between: either way captured, once.
        mails.finishWaiting(100);
        assertThat(statusOf(id)).isEqualTo("CAPTURED");
        assertThat(as(() -> jdbc.sql("select count(*) from payables.invoice where client_id = ? and number = 'TF-1'")
                .param(setup.client().id()).query(Long.class).single())).isEqualTo(1L);
    }

    private String statusOf(String mail) {
        return as(() -> jdbc.sql("select status from payables.inbound_mail where client_id = ? and id = ?::uuid")
                .params(setup.client().id(), mail).query(String.class).single());
    }

    @Test
    void badMailboxSettingsAreRefusedByField() {
        Api admin = api().as(setup.clientAdminToken());
        Api.Response noHost = admin.put(setup.path() + "/mailbox", Map.of("host", "", "port", 993, "security", "TLS"));
        assertThat(noHost.status()).isEqualTo(422);
        assertThat(noHost.body().toString()).contains("host");
        Api.Response badPort = admin.put(setup.path() + "/mailbox", Map.of("host", "imap.client.test", "port", 70000, "security", "TLS"));
        assertThat(badPort.status()).isEqualTo(422);
        assertThat(badPort.body().toString()).contains("port");
        Api.Response noPassword = admin.put(setup.path() + "/mailbox", Map.of("host", "imap.other.test", "port", 993, "security", "TLS",
                "username", "someone-else"));
        assertThat(noPassword.status()).isEqualTo(422);
        assertThat(noPassword.text("field")).isEqualTo("password");
        assertThat(api().as(setup.approverToken()).put(setup.path() + "/mailbox", Map.of("host", "x.test", "port", 993,
                "security", "TLS")).status()).isEqualTo(403);
        Api.Response kept = providerAdmin.put(setup.path() + "/mailbox", Map.of("host", "localhost", "port", mailServer.getImap().getPort(),
                "security", "NONE", "username", address, "folder", "INBOX"));
        assertThat(kept.status()).as("the same login keeps its stored password").isEqualTo(200);
        assertThat(kept.body().path("passwordStored").asBoolean()).isTrue();
    }

    @Test
    void aClientsAdministratorMayNameOnlyAMailServerOnAPublicAddress() {
        Api admin = api().as(setup.clientAdminToken());
        for (String host : List.of("localhost", "10.0.0.1", "169.254.169.254", "[::1]", "::1", "2130706433", "192.168.1.20", "0.0.0.0")) {
            Api.Response refused = admin.put(setup.path() + "/mailbox", Map.of("host", host, "port", 993, "security", "TLS",
                    "username", "cfo", "password", "secret"));
            assertThat(refused.status()).as(host + ": " + refused.body()).isEqualTo(422);
            assertThat(refused.text("field")).as(host).isEqualTo("host");
        }
        Api.Response loopback = admin.put(setup.path() + "/mailbox", Map.of("host", "LocalHost", "port", 143, "security", "NONE"));
        assertThat(loopback.text("detail")).contains("localhost is at 127.0.0.1, a loopback address, not a public mail server");
        Api.Response metadata = admin.put(setup.path() + "/mailbox", Map.of("host", "169.254.169.254", "port", 80, "security", "NONE"));
        assertThat(metadata.text("detail")).contains("a link-local address");

        JsonNode unchanged = clerk.get(setup.path() + "/mailbox").body();
        assertThat(unchanged.path("port").asInt()).as("nothing was saved").isEqualTo(mailServer.getImap().getPort());
        assertThat(unchanged.path("security").asString()).isEqualTo("NONE");
        assertThat(unchanged.path("username").asString()).isEqualTo(address);
        assertThat(as(() -> jdbc.sql("select set_up_by_client from payables.mailbox where client_id = ?").param(setup.client().id())
                .query(Boolean.class).single())).isFalse();

        Api.Response byProvider = providerAdmin.put(setup.path() + "/mailbox", Map.of("host", "localhost", "port", 1143,
                "security", "NONE"));
        assertThat(byProvider.status()).as("the provider's staff may name their own servers").isEqualTo(200);
        assertThat(byProvider.text("host")).isEqualTo("localhost");
    }

    @Test
    void aMailboxTheClientSetUpIsNotFetchedOnceItsServerIsAnInternalAddress() throws Exception {
        // As if the client's administrator had named a server whose name now points at this machine; not due
        // for the scheduled fetches, and once no fetch holds it.
        await().atMost(Duration.ofSeconds(30)).until(() -> as(() -> jdbc.sql("""
                update payables.mailbox set set_up_by_client = true, due_at = ? where client_id = ? and leased_by is null""")
                .params(java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(1))), setup.client().id()).update()) == 1);
        deliver(VendorMail.from("billing@paper.test").subject("Never fetched").attach("N-1.pdf", "application/pdf", VendorMail.PDF));

        assertThat(poller.poll(setup.client().id())).isTrue();

        JsonNode status = clerk.get(setup.path() + "/mailbox").body();
        assertThat(status.path("lastError").asString()).startsWith("Not fetched: localhost is at 127.0.0.1, a loopback address");
        assertThat(status.path("failuresInARow").asInt()).isEqualTo(1);
        assertThat(clerk.get(setup.path() + "/inbound-mail").body().path("items").size()).as("no connection, no mail").isZero();

        as(() -> jdbc.sql("update payables.mailbox set set_up_by_client = false where client_id = ?").param(setup.client().id()).update());
        assertThat(fetchUntil(1)).containsKey("Never fetched");
    }

    private Map<String, JsonNode> fetchUntil(int count) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            poller.poll(setup.client().id());
            Map<String, JsonNode> bySubject = new HashMap<>();
            clerk.get(setup.path() + "/inbound-mail?limit=100").body().path("items")
                    .forEach(m -> bySubject.put(m.path("subject").asString(), m));
            return bySubject;
        }, messages -> messages.size() >= count && messages.values().stream().noneMatch(m -> m.path("status").asString().equals("RECEIVED")));
    }

    private void deliver(VendorMail mail) throws Exception {
        mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mail.bytes())));
    }

    private <T> T as(Callable<T> work) {
        return TenantScope.call(AllowedClients.only(setup.client().id()), () -> transactions.execute(tx -> {
            try {
                return work.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }
}
