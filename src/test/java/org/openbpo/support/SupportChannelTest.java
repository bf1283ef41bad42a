package org.openbpo.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The provider's administrator sets up a client's email channel; its passwords never come back out. */
class SupportChannelTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    WorkFixture.Setup setup;
    String settings;

    @BeforeEach
    void aClientUnderContract() {
        setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CHN"));
        settings = "/api/v1/clients/" + setup.client().id() + "/support/settings";
    }

    @Test
    void anAdministratorSetsUpTheChannelAndThePasswordsStaySealed() {
        Api admin = api().as(setup.adminToken());
        assertThat(admin.get(settings).status()).isEqualTo(404);

        Api.Response saved = admin.put(settings, channel("help@" + setup.client().code().toLowerCase() + ".test", "imap secret 1"));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.body().path("imap").path("passwordStored").asBoolean()).isTrue();
        assertThat(saved.body().toString()).doesNotContain("imap secret 1").doesNotContain("smtp secret");
        assertThat(saved.text("brandColour")).isEqualTo("#1a5fb4");

        byte[] stored = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> jdbc.sql(
                "select imap_password from support.channel_settings where client_id = ?").param(setup.client().id())
                .query(byte[].class).single()));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("imap secret 1");

        Map<String, Object> renamed = channel("help@" + setup.client().code().toLowerCase() + ".test", null);
        renamed.put("displayName", "Albion Care Team");
        Api.Response kept = admin.put(settings, renamed);
        assertThat(kept.body().path("imap").path("passwordStored").asBoolean()).isTrue();
        assertThat(kept.text("displayName")).isEqualTo("Albion Care Team");
        assertThat(admin.get(settings).text("displayName")).isEqualTo("Albion Care Team");
        assertThat(api().as(setup.makerToken()).get(settings).status()).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsChangeItAndBadSettingsAreRefused() {
        String address = "care@" + setup.client().code().toLowerCase() + ".test";
        Api.Response agent = api().as(setup.makerToken()).put(settings, channel(address, "x"));
        assertThat(agent.status()).isEqualTo(403);
        Api.Response requester = api().as(setup.requesterToken()).get(settings);
        assertThat(requester.status()).isEqualTo(403);

        Api admin = api().as(setup.adminToken());
        Map<String, Object> backOffice = channel(address, "x");
        backOffice.put("serviceLine", "policy-admin");
        assertThat(admin.put(settings, backOffice).text("field")).isEqualTo("serviceLine");
        assertThat(admin.put(settings, channel("not an address", "x")).text("field")).isEqualTo("inboundAddress");
        Map<String, Object> pink = channel(address, "x");
        pink.put("brandColour", "pink");
        assertThat(admin.put(settings, pink).status()).isEqualTo(422);

        WorkFixture.Setup other = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("CHO"));
        assertThat(admin.put(settings, channel(address, "x")).status()).isEqualTo(200);
        Api.Response taken = admin.put("/api/v1/clients/" + other.client().id() + "/support/settings", channel(address, "x"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("code")).isEqualTo("inbound-address-taken");
    }

    /**
     * The channel's mail servers are named only by the provider's administrators, who may name one on the provider's own
     * network (as they may for an AP mailbox); a client's administrator names none, an internal one least of all.
     */
    @Test
    void onlyTheProvidersAdministratorsNameTheMailServersAndTheyMayNameAnInternalOne() {
        String address = "desk@" + setup.client().code().toLowerCase() + ".test";
        Map<String, Object> internal = channel(address, "x");
        internal.put("imap", Map.of("host", "127.0.0.1", "port", 143, "security", "NONE"));
        internal.put("smtp", Map.of("host", "169.254.169.254", "port", 25, "security", "NONE"));
        String clientAdmin = TenantScope.call(AllowedClients.ALL, () -> {
            var user = context.getBean(org.openbpo.tenancy.Users.class).invite(new org.openbpo.tenancy.InviteUser(setup.client().id(),
                    unique("own") + "@client.test", "Own Admin", "long enough password",
                    java.util.Set.of(org.openbpo.tenancy.Role.CLIENT_ADMINISTRATOR), false, null), providerAdministrator());
            return context.getBean(org.openbpo.tenancy.ApiTokens.class)
                    .issue(org.openbpo.tenancy.CurrentUser.of(user), "test", null, java.time.Duration.ofDays(1)).secret();
        });
        Api.Response refused = api().as(clientAdmin).put(settings, internal);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(403);
        Api admin = api().as(setup.adminToken());
        assertThat(admin.get(settings).status()).as("nothing was saved").isEqualTo(404);

        Api.Response own = admin.put(settings, internal);
        assertThat(own.status()).as(own.body().toString()).isEqualTo(200);
        assertThat(own.body().path("imap").path("host").asString()).isEqualTo("127.0.0.1");
    }

    private static Map<String, Object> channel(String inbound, String imapPassword) {
        Map<String, Object> imap = new HashMap<>(Map.of("host", "imap.albion.test", "port", 993, "security", "TLS",
                "username", inbound));
        imap.put("password", imapPassword);
        Map<String, Object> channel = new HashMap<>();
        channel.put("serviceLine", "support");
        channel.put("inboundAddress", inbound);
        channel.put("imap", imap);
        channel.put("smtp", Map.of("host", "smtp.albion.test", "port", 587, "security", "STARTTLS",
                "username", inbound, "password", "smtp secret"));
        channel.put("fromAddress", inbound);
        channel.put("displayName", "Albion Mutual Support");
        channel.put("signature", "Albion Mutual — here for you\n0800 123 456");
        channel.put("brandColour", "#1a5fb4");
        return channel;
    }
}
