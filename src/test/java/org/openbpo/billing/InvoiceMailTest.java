package org.openbpo.billing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.audit.AuditEntry;
import org.openbpo.audit.AuditTrail;
import org.openbpo.billing.mail.InvoiceMailSender;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Api;
import org.openbpo.testing.HangingUpSmtpServer;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.openbpo.work.WorkFixture;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openbpo.billing.BillingApiTest.plan;

/** An issued invoice goes once, as its PDF, to the client's billing contact; sending it again is audited. */
class InvoiceMailTest extends IntegrationTest {

    @RegisterExtension
    static GreenMailExtension mailServer = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Autowired
    ApplicationContext context;
    @Autowired
    InvoiceMailSender sender;
    @Autowired
    AuditTrail audit;

    @Test
    void theIssuedInvoiceReachesTheBillingContactOnceAndASecondSendingIsAudited() throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture fixture = new WorkFixture(context);
        WorkFixture.Setup setup = fixture.clientUnderContract(providerAdministrator(), unique("MAIL"));
        WorkFixture.Setup other = fixture.clientUnderContract(providerAdministrator(), unique("MAILO"));
        String client = "/api/v1/clients/" + setup.client().id();
        Api admin = api().as(setup.adminToken());
        Api.Response server = admin.put("/api/v1/billing/mail-server", Map.of("host", "localhost", "port", mailServer.getSmtp().getPort(),
                "security", "NONE", "fromAddress", "billing@northstar.test", "fromName", "Northstar Billing"));
        assertThat(server.status()).as(server.body().toString()).isEqualTo(200);
        assertThat(server.body().path("hasPassword").asBoolean()).isFalse();
        Api.Response badContact = admin.put(client + "/billing-contact", Map.of("email", "not an address", "name", "Accounts"));
        assertThat(badContact.status()).isEqualTo(422);
        assertThat(badContact.text("field")).isEqualTo("email");
        assertThat(admin.put(client + "/billing-contact", Map.of("email", "payables@albion.test", "name", "Albion accounts payable"))
                .status()).isEqualTo(200);
        assertThat(api().as(setup.requesterToken()).put(client + "/billing-contact", Map.of("email", "me@albion.test", "name", "Me"))
                .status()).isEqualTo(403);

        assertThat(admin.post(client + "/price-plans", plan(setup.contract().id(), "support", "ticket", "2026-03-01",
                List.of(Map.of("unitPrice", "4.00")), Map.of("monthlyFee", "250.00"))).status()).isEqualTo(201);
        clock.set(Instant.parse("2026-04-02T09:00:00Z"));
        String id = admin.post(client + "/invoices", Map.of("period", "2026-03")).body().get(0).path("id").asString();
        String invoice = client + "/invoices/" + id;
        Api.Response early = admin.post(invoice + "/mailings", Map.of());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.text("code")).isEqualTo("invoice-not-issued");
        assertThat(admin.post(invoice + "/review", Map.of()).status()).isEqualTo(200);
        Api.Response issued = admin.post(invoice + "/issue", Map.of());
        assertThat(issued.status()).isEqualTo(200);
        String number = issued.text("number");

        // Invoices other tests issued before a mail server was set may go out now too: count this invoice's mails.
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsOf(number).size() >= 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get(invoice + "/mailings").body().path(0)
                .path("status").asString()).isEqualTo("SENT"));
        sender.sendDue(100); // a later tick finds nothing more to send
        assertThat(mailsOf(number)).hasSize(1);
        MimeMessage mail = mailsOf(number).getFirst();
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("payables@albion.test");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("Northstar Billing <billing@northstar.test>");
        assertThat(mail.getSubject()).isEqualTo("Invoice " + number + " from Northstar Billing");
        assertThat(mail.getMessageID()).isEqualTo(admin.get(invoice + "/mailings").body().path(0).path("messageId").asString());
        BodyPart attachment = ((MimeMultipart) mail.getContent()).getBodyPart(1);
        assertThat(attachment.getFileName()).isEqualTo(number + ".pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        byte[] pdf;
        try (InputStream in = attachment.getInputStream()) {
            pdf = in.readAllBytes();
        }
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains(number, "Albion Mutual Insurance plc", "300.00"); // 250.00 + VAT 50.00

        // Sending again: one more mail, the same document, and a record in the audit trail.
        Api.Response again = admin.post(invoice + "/mailings", Map.of());
        assertThat(again.status()).as(again.body().toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(15)).until(() -> mailsOf(number).size() >= 2);
        assertThat(mailsOf(number)).hasSize(2);
        List<AuditEntry> history = TenantScope.call(AllowedClients.ALL, () -> audit.history(setup.client().id(), "invoice", UUID.fromString(id)));
        assertThat(history).filteredOn(e -> e.action().equals("invoice.sent-again")).singleElement()
                .satisfies(e -> assertThat(e.actor()).isNotBlank());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get(invoice + "/mailings").body())
                .extracting(m -> m.path("reason").asString() + "/" + m.path("status").asString())
                .containsExactly("ISSUED/SENT", "SENT_AGAIN/SENT"));

        // Another client's people never reach this client's contact or mailings.
        Api them = api().as(other.requesterToken());
        assertThat(them.get(client + "/billing-contact").status()).isEqualTo(404);
        assertThat(them.put(client + "/billing-contact", Map.of("email", "x@y.test", "name", "X")).status()).isEqualTo(404);
        assertThat(them.get(invoice + "/mailings").status()).isEqualTo(404);
        assertThat(them.post(invoice + "/mailings", Map.of()).status()).isEqualTo(404);
        assertThat(api().as(setup.requesterToken()).get("/api/v1/billing/mail-server").status()).isEqualTo(403);
        assertThat(mailsOf(number)).hasSize(2);
    }

    @Test
    void theMailServersPasswordGoesOnlyToTheServerItWasGivenForAndOnlyWholeProviderAdministratorsSetIt() {
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("PWD"));
        Api admin = api().as(setup.adminToken());
        String mailServerPath = "/api/v1/billing/mail-server";
        Map<String, Object> withLogin = Map.of("host", "localhost", "port", mailServer.getSmtp().getPort(), "security", "NONE",
                "username", "billing", "password", "s3cret-smtp", "fromAddress", "billing@northstar.test", "fromName", "Northstar Billing");
        Map<String, Object> plain = Map.of("host", "localhost", "port", mailServer.getSmtp().getPort(), "security", "NONE",
                "fromAddress", "billing@northstar.test", "fromName", "Northstar Billing");
        try {
            assertThat(admin.put(mailServerPath, withLogin).body().path("hasPassword").asBoolean()).isTrue();
            Map<String, Object> elsewhere = new java.util.HashMap<>(withLogin);
            elsewhere.remove("password");
            elsewhere.put("host", "mx.elsewhere.test");
            Api.Response moved = admin.put(mailServerPath, elsewhere);
            assertThat(moved.status()).isEqualTo(422);
            assertThat(moved.text("field")).isEqualTo("password");
            assertThat(admin.get(mailServerPath).text("host")).as("nothing changed").isEqualTo("localhost");
            Map<String, Object> sameLogin = new java.util.HashMap<>(withLogin);
            sameLogin.remove("password");
            sameLogin.put("fromName", "Northstar Accounts");
            assertThat(admin.put(mailServerPath, sameLogin).body().path("hasPassword").asBoolean())
                    .as("the same login on the same server keeps its password").isTrue();

            String limited = TenantScope.call(AllowedClients.ALL, () -> {
                var client = setup.client();
                var user = context.getBean(org.openbpo.tenancy.Users.class).invite(new org.openbpo.tenancy.InviteUser(null,
                        unique("limited") + "@provider.test", "Limited Admin", "long enough password",
                        java.util.Set.of(org.openbpo.tenancy.Role.ADMINISTRATOR), false, java.util.Set.of(client.id())), providerAdministrator());
                return context.getBean(org.openbpo.tenancy.ApiTokens.class)
                        .issue(org.openbpo.tenancy.CurrentUser.of(user), "test", null, Duration.ofDays(1)).secret();
            });
            assertThat(api().as(limited).get(mailServerPath).status()).isEqualTo(403);
            assertThat(api().as(limited).put(mailServerPath, plain).status()).isEqualTo(403);
            // A client's administrator names no mail server for the provider, an internal one least of all.
            String clientAdmin = TenantScope.call(AllowedClients.ALL, () -> {
                var user = context.getBean(org.openbpo.tenancy.Users.class).invite(new org.openbpo.tenancy.InviteUser(setup.client().id(),
                        unique("own") + "@client.test", "Own Admin", "long enough password",
                        java.util.Set.of(org.openbpo.tenancy.Role.CLIENT_ADMINISTRATOR), false, null), providerAdministrator());
                return context.getBean(org.openbpo.tenancy.ApiTokens.class)
                        .issue(org.openbpo.tenancy.CurrentUser.of(user), "test", null, Duration.ofDays(1)).secret();
            });
            Map<String, Object> internal = Map.of("host", "169.254.169.254", "port", 25, "security", "NONE",
                    "fromAddress", "billing@northstar.test", "fromName", "Northstar Billing");
            assertThat(api().as(clientAdmin).put(mailServerPath, internal).status()).isEqualTo(403);
            assertThat(admin.get(mailServerPath).text("host")).as("nothing changed").isEqualTo("localhost");
        } finally {
            assertThat(admin.put(mailServerPath, plain).status()).isEqualTo(200);
        }
    }

    @Test
    void anInvoiceIssuedWhileTheProviderHasNoMailServerWaitsWithItsAttemptsAndGoesOnceOneIsSet() throws Exception {
        try (Connection superuser = TestDatabase.get().superuserConnection(); Statement sql = superuser.createStatement()) {
            sql.execute("delete from billing.mail_server");
        }
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("WAIT"));
        String client = "/api/v1/clients/" + setup.client().id();
        Api admin = api().as(setup.adminToken());
        assertThat(admin.get("/api/v1/billing/mail-server").status()).as("no server set").isEqualTo(404);
        assertThat(admin.put(client + "/billing-contact", Map.of("email", "payables@waiting.test", "name", "Accounts"))
                .status()).isEqualTo(200);
        assertThat(admin.post(client + "/price-plans", plan(setup.contract().id(), "support", "ticket", "2026-03-01",
                List.of(Map.of("unitPrice", "4.00")), Map.of("monthlyFee", "250.00"))).status()).isEqualTo(201);
        clock.set(Instant.parse("2026-04-02T09:00:00Z"));
        String invoice = client + "/invoices/" + admin.post(client + "/invoices", Map.of("period", "2026-03")).body().get(0)
                .path("id").asString();
        assertThat(admin.post(invoice + "/review", Map.of()).status()).isEqualTo(200);
        String number = admin.post(invoice + "/issue", Map.of()).text("number");

        // The mail waits for a server: still pending, no attempt spent, the reason shown to the provider.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get(invoice + "/mailings").body().path(0)
                .path("lastError").asString()).contains("mail server"));
        assertThat(sender.sendDue(100)).as("no mail is due while there is no server").isZero();
        assertThat(admin.get(invoice + "/mailings").body()).singleElement().satisfies(m -> {
            assertThat(m.path("status").asString()).isEqualTo("PENDING");
            assertThat(m.path("attempts").asInt()).isZero();
        });
        assertThat(mailsOf(number)).isEmpty();

        // The provider sets its server: the mail goes, once, without waiting for the next tick.
        assertThat(admin.put("/api/v1/billing/mail-server", Map.of("host", "localhost", "port", mailServer.getSmtp().getPort(),
                "security", "NONE", "fromAddress", "billing@northstar.test", "fromName", "Northstar Billing")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(8)).until(() -> mailsOf(number).size() >= 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(admin.get(invoice + "/mailings").body()).singleElement()
                .satisfies(m -> {
                    assertThat(m.path("status").asString()).isEqualTo("SENT");
                    assertThat(m.path("attempts").asInt()).isEqualTo(1);
                    assertThat(m.path("lastError").isNull() || m.path("lastError").isMissingNode()).isTrue();
                }));
        assertThat(mailsOf(number)).hasSize(1);
    }

    @Test
    void aMailServerThatStallsHoldsNoRowLockAndItsFailureIsRecorded() throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("STALL"));
        String client = "/api/v1/clients/" + setup.client().id();
        Api admin = api().as(setup.adminToken());
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        String invoice;
        try (ServerSocket stalling = new ServerSocket(0)) {
            // A mail server that takes the connection and never says hello.
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(stalling.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            assertThat(admin.put("/api/v1/billing/mail-server", Map.of("host", "localhost", "port", stalling.getLocalPort(),
                    "security", "NONE", "fromAddress", "billing@northstar.test", "fromName", "Northstar Billing")).status()).isEqualTo(200);
            assertThat(admin.put(client + "/billing-contact", Map.of("email", "payables@stalling.test", "name", "Accounts"))
                    .status()).isEqualTo(200);
            assertThat(admin.post(client + "/price-plans", plan(setup.contract().id(), "support", "ticket", "2026-03-01",
                    List.of(Map.of("unitPrice", "4.00")), Map.of("monthlyFee", "250.00"))).status()).isEqualTo(201);
            clock.set(Instant.parse("2026-04-02T09:00:00Z"));
            invoice = client + "/invoices/" + admin.post(client + "/invoices", Map.of("period", "2026-03")).body().get(0)
                    .path("id").asString();
            assertThat(admin.post(invoice + "/review", Map.of()).status()).isEqualTo(200);
            assertThat(admin.post(invoice + "/issue", Map.of()).status()).isEqualTo(200);
            UUID mail = UUID.fromString(admin.get(invoice + "/mailings").body().path(0).path("id").asString());

            // The node took the mail and waits on the server: the mail's row is free meanwhile, and no other node takes it.
            await().atMost(Duration.ofSeconds(15)).until(() -> leasedUntil(mail).isAfter(clock.instant().plus(Duration.ofMinutes(10))));
            await().atMost(Duration.ofSeconds(5)).until(() -> !accepted.isEmpty());
            try (Connection superuser = TestDatabase.get().superuserConnection()) {
                superuser.setAutoCommit(false);
                try (PreparedStatement lock = superuser.prepareStatement("select 1 from billing.invoice_mail where id = ? for update nowait")) {
                    lock.setObject(1, mail);
                    assertThat(lock.executeQuery().next()).as("the row is not locked while the server stalls").isTrue();
                }
                superuser.rollback();
            }
            assertThat(sender.sendDue(100)).as("a mail another sender has taken is not due").isZero();
            assertThat(admin.get(invoice + "/mailings").body()).singleElement()
                    .satisfies(m -> assertThat(m.path("attempts").asInt()).isZero());
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
            try (Connection superuser = TestDatabase.get().superuserConnection(); Statement sql = superuser.createStatement()) {
                sql.execute("delete from billing.mail_server");
            }
        }

        // The server hangs up: the attempt is recorded with its reason, and the mail will be tried again.
        String stalled = invoice;
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(admin.get(stalled + "/mailings").body()).singleElement()
                .satisfies(m -> {
                    assertThat(m.path("status").asString()).isEqualTo("PENDING");
                    assertThat(m.path("attempts").asInt()).isEqualTo(1);
                    assertThat(m.path("lastError").asString()).isNotBlank();
                }));
    }

    @Test
    void aMailTheServerTookIsSentOnceEvenWhenItsGoodbyeFails() throws Exception {
        clock.set(Instant.parse("2026-03-02T09:00:00Z"));
        WorkFixture.Setup setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("QUIT"));
        String client = "/api/v1/clients/" + setup.client().id();
        Api admin = api().as(setup.adminToken());
        try (HangingUpSmtpServer server = new HangingUpSmtpServer()) {
            assertThat(admin.put("/api/v1/billing/mail-server", Map.of("host", "localhost", "port", server.port(),
                    "security", "NONE", "fromAddress", "billing@northstar.test", "fromName", "Northstar Billing")).status()).isEqualTo(200);
            assertThat(admin.put(client + "/billing-contact", Map.of("email", "payables@quit.test", "name", "Accounts"))
                    .status()).isEqualTo(200);
            assertThat(admin.post(client + "/price-plans", plan(setup.contract().id(), "support", "ticket", "2026-03-01",
                    List.of(Map.of("unitPrice", "4.00")), Map.of("monthlyFee", "250.00"))).status()).isEqualTo(201);
            clock.set(Instant.parse("2026-04-02T09:00:00Z"));
            String invoice = client + "/invoices/" + admin.post(client + "/invoices", Map.of("period", "2026-03")).body().get(0)
                    .path("id").asString();
            assertThat(admin.post(invoice + "/review", Map.of()).status()).isEqualTo(200);
            String subject = "Subject: Invoice " + admin.post(invoice + "/issue", Map.of()).text("number") + " from";

            // The server took the mail, then dropped the connection at QUIT: the mail is sent, in one attempt.
            await().atMost(Duration.ofSeconds(15)).until(() -> admin.get(invoice + "/mailings").body().path(0).path("attempts").asInt() >= 1);
            assertThat(admin.get(invoice + "/mailings").body()).singleElement().satisfies(m -> {
                assertThat(m.path("status").asString()).isEqualTo("SENT");
                assertThat(m.path("attempts").asInt()).isEqualTo(1);
            });
            clock.advance(Duration.ofHours(1));
            sender.sendDue(100);
            assertThat(server.messages()).filteredOn(m -> m.contains(subject)).hasSize(1);
        } finally {
            try (Connection superuser = TestDatabase.get().superuserConnection(); Statement sql = superuser.createStatement()) {
                sql.execute("delete from billing.mail_server");
            }
        }
    }

    private Instant leasedUntil(UUID mail) throws Exception {
        try (Connection superuser = TestDatabase.get().superuserConnection();
             PreparedStatement next = superuser.prepareStatement("select next_attempt_at from billing.invoice_mail where id = ?")) {
            next.setObject(1, mail);
            try (ResultSet row = next.executeQuery()) {
                row.next();
                return row.getTimestamp(1).toInstant();
            }
        }
    }

    /** The mails received for the invoice with this number. */
    private List<MimeMessage> mailsOf(String number) throws Exception {
        List<MimeMessage> mails = new java.util.ArrayList<>();
        for (MimeMessage received : mailServer.getReceivedMessages()) {
            if (("Invoice " + number + " from Northstar Billing").equals(received.getSubject())) {
                mails.add(received);
            }
        }
        return mails;
    }
}
