package org.openbpo.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every support endpoint, tried with another client's ids by people who serve only their own
 * client: the answer is 404, never 403, so they cannot even learn that the ids exist — and the
 * other client's data is unchanged.
 */
class SupportIsolationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    EmailIntake intake;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;

    // Set up once for the class: the tests only read, and each asserts the other client is unchanged.
    static SupportFixture.Desk own;
    static SupportFixture.Desk other;
    static long otherTicket;
    static UUID otherMessage;
    static String limitedAdministratorToken;
    static UUID otherCustomer;
    static UUID otherChat;
    static UUID otherArticle;
    static UUID otherMacro;

    @BeforeEach
    void twoClientsWithEmailChannels() {
        if (own != null) {
            return;
        }
        CurrentUser admin = providerAdministrator();
        ServerAccess imap = new ServerAccess("localhost", 1, MailSecurity.NONE, "help", "secret");
        ServerAccess smtp = new ServerAccess("localhost", 1, MailSecurity.NONE, null, null);
        own = SupportFixture.desk(context, admin, unique("OWNS"), imap, smtp);
        other = SupportFixture.desk(context, admin, unique("OTHS"), imap, smtp);
        IntakeOutcome theirs = TenantScope.call(AllowedClients.only(other.clientId()), () -> intake.receive(other.clientId(),
                TestMail.from("ann@customer.test").to(other.address()).subject("Their ticket").bytes(), IntakeSource.RELAY));
        otherTicket = theirs.message().itemId();
        otherMessage = theirs.message().id();
        otherCustomer = TenantScope.call(AllowedClients.only(other.clientId()), () -> context.getBean(CustomerRecords.class)
                .ofTicket(other.clientId(), otherTicket).orElseThrow().id());
        otherChat = context.getBean(LiveChats.class).start(other.setup().client().code(),
                new StartChat("Ann", "ann@customer.test", "Their chat", null), "192.0.2.7").chatId();
        otherArticle = TenantScope.call(AllowedClients.only(other.clientId()), () -> context.getBean(KnowledgeBase.class)
                .write(other.clientId(), new WriteArticle(Article.Kind.SOP, "their-sop", "Their SOP", "Secret steps", null, true), admin)
                .id());
        otherMacro = TenantScope.call(AllowedClients.only(other.clientId()), () -> context.getBean(Macros.class)
                .write(other.clientId(), new WriteMacro("Their macro", "Hello {{customer.name}}", null), admin).id());
        limitedAdministratorToken = TenantScope.call(AllowedClients.ALL, () -> {
            User limited = users.invite(new InviteUser(null, unique("limited") + "@provider.test", "Limited Administrator",
                    "long enough password", Set.of(Role.ADMINISTRATOR, Role.AGENT), false, Set.of(own.clientId())), admin);
            return tokens.issue(CurrentUser.of(limited), "test", null, Duration.ofDays(1)).secret();
        });
    }

    @Test
    void anAgentOfOneClientFindsNothingOfAnother() {
        assertEveryEndpointHidesTheOtherClient(api().as(own.setup().makerToken()));
    }

    @Test
    void anAdministratorLimitedToOneClientFindsNothingOfAnother() {
        Api api = api().as(limitedAdministratorToken);
        assertThat(api.get("/api/v1/clients/" + own.clientId() + "/support/settings").status()).isEqualTo(200);
        assertEveryEndpointHidesTheOtherClient(api);
    }

    @Test
    void aClientsOwnUserFindsNothingOfAnother() {
        assertEveryEndpointHidesTheOtherClient(api().as(own.setup().requesterToken()));
    }

    private void assertEveryEndpointHidesTheOtherClient(Api api) {
        String theirs = "/api/v1/clients/" + other.clientId() + "/support";
        String mine = "/api/v1/clients/" + own.clientId() + "/support";
        byte[] mail = TestMail.from("mallory@evil.test").to(other.address()).subject("Planted").bytes();
        Map<String, Api.Response> attempts = new LinkedHashMap<>();
        attempts.put("read settings", api.get(theirs + "/settings"));
        attempts.put("change settings", api.put(theirs + "/settings", Map.of("serviceLine", "support",
                "inboundAddress", "taken@evil.test", "fromAddress", "taken@evil.test", "displayName", "Taken")));
        attempts.put("hand in mail", api.post(theirs + "/inbound", "message/rfc822", mail));
        attempts.put("list inbound mail", api.get(theirs + "/inbound"));
        attempts.put("download raw mail", api.get(theirs + "/inbound/" + otherMessage + "/raw"));
        attempts.put("download raw mail by own path", api.get(mine + "/inbound/" + otherMessage + "/raw"));
        attempts.put("mailbox status", api.get(theirs + "/mailbox"));
        attempts.put("fetch mailbox", api.post(theirs + "/mailbox/fetches", ""));
        attempts.put("reply", api.post(theirs + "/tickets/" + otherTicket + "/replies", Map.of("body", "Hello")));
        attempts.put("reply by own path", api.post(mine + "/tickets/" + otherTicket + "/replies", Map.of("body", "Hello")));
        attempts.put("list replies", api.get(theirs + "/tickets/" + otherTicket + "/replies"));
        attempts.put("list replies by own path", api.get(mine + "/tickets/" + otherTicket + "/replies"));
        attempts.put("read emails", api.get(theirs + "/tickets/" + otherTicket + "/emails"));
        attempts.put("read emails by own path", api.get(mine + "/tickets/" + otherTicket + "/emails"));
        attempts.put("raise ticket", api.post(theirs + "/tickets", Map.of("subject", "Planted", "description", "x")));
        attempts.put("search tickets", api.get(theirs + "/tickets?q=ticket"));
        attempts.put("comment", api.post(theirs + "/tickets/" + otherTicket + "/comments", Map.of("body", "Planted")));
        attempts.put("comment by own path", api.post(mine + "/tickets/" + otherTicket + "/comments", Map.of("body", "Planted")));
        attempts.put("read comments", api.get(theirs + "/tickets/" + otherTicket + "/comments"));
        attempts.put("read comments by own path", api.get(mine + "/tickets/" + otherTicket + "/comments"));
        attempts.put("list customers", api.get(theirs + "/customers"));
        attempts.put("create customer", api.post(theirs + "/customers", Map.of("email", "planted@evil.test")));
        attempts.put("read customer", api.get(theirs + "/customers/" + otherCustomer));
        attempts.put("read customer by own path", api.get(mine + "/customers/" + otherCustomer));
        attempts.put("merge customer", api.post(theirs + "/customers/" + otherCustomer + "/merges", Map.of("customerId", otherCustomer)));
        attempts.put("ticket's customer", api.get(theirs + "/tickets/" + otherTicket + "/customer"));
        attempts.put("ticket's customer by own path", api.get(mine + "/tickets/" + otherTicket + "/customer"));
        for (String path : new String[]{theirs, mine}) {
            String chat = path + "/chats/" + otherChat;
            attempts.put("read chat " + path, api.get(chat));
            attempts.put("read transcript " + path, api.get(chat + "/messages"));
            attempts.put("take chat " + path, api.post(chat + "/take", ""));
            attempts.put("answer chat " + path, api.post(chat + "/messages", Map.of("body", "Planted")));
            attempts.put("end chat " + path, api.post(chat + "/end", ""));
        }
        attempts.put("list chats", api.get(theirs + "/chats"));
        attempts.put("list calls", api.get(theirs + "/calls"));
        attempts.put("search articles", api.get(theirs + "/articles?q=x"));
        attempts.put("list macros", api.get(theirs + "/macros"));
        attempts.put("satisfaction", api.get(theirs + "/satisfaction?serviceLine=support&from=2026-01-01T00:00:00Z&to=2027-01-01T00:00:00Z"));
        attempts.put("ticket outcome", api.get(theirs + "/tickets/" + otherTicket + "/outcome"));
        attempts.put("ticket outcome by own path", api.get(mine + "/tickets/" + otherTicket + "/outcome"));
        attempts.put("write macro", api.post(theirs + "/macros", Map.of("name", "Planted", "body", "x")));
        attempts.put("apply macro by own path", api.post(mine + "/tickets/" + otherTicket + "/macros/" + UUID.randomUUID(), ""));
        attempts.put("bulk close", api.post(theirs + "/tickets/bulk", Map.of("action", "CLOSE", "itemIds", java.util.List.of(otherTicket))));
        attempts.put("write article", api.post(theirs + "/articles", Map.of("kind", "SOP", "slug", "planted", "title", "T",
                "body", "B", "published", true)));
        attempts.put("read article", api.get(theirs + "/articles/" + otherArticle));
        attempts.put("read article by own path", api.get(mine + "/articles/" + otherArticle));
        attempts.put("rewrite article by own path", api.put(mine + "/articles/" + otherArticle, Map.of("kind", "SOP", "slug", "planted",
                "title", "T", "body", "B", "published", true)));
        attempts.put("ticket procedures", api.get(theirs + "/tickets/" + otherTicket + "/procedures"));
        attempts.put("ticket procedures by own path", api.get(mine + "/tickets/" + otherTicket + "/procedures"));
        attempts.put("log call", api.post(theirs + "/calls", Map.of("caller", "+15550100", "startedAt", "2026-03-02T09:00:00Z",
                "endedAt", "2026-03-02T09:01:00Z", "note", "Planted")));
        attempts.put("read call", api.get(theirs + "/calls/" + UUID.randomUUID()));
        attempts.put("rewrite macro", api.put(theirs + "/macros/" + otherMacro, Map.of("name", "Planted", "body", "x")));
        attempts.put("rewrite macro by own path", api.put(mine + "/macros/" + otherMacro, Map.of("name", "Planted", "body", "x")));
        attempts.put("ticket's calls", api.get(theirs + "/tickets/" + otherTicket + "/calls"));
        attempts.put("ticket's calls by own path", api.get(mine + "/tickets/" + otherTicket + "/calls"));
        attempts.put("issue telephony secret", api.post(theirs + "/cti-secret", ""));
        Api.Response ownPathBulk = api.post(mine + "/tickets/bulk", Map.of("action", "CLOSE", "itemIds", java.util.List.of(otherTicket)));
        if (ownPathBulk.status() == 200) {
            assertThat(ownPathBulk.body().get(0).path("code").asString()).isEqualTo("not-found");
        }
        attempts.forEach((what, response) -> {
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(404);
            assertThat(response.text("code")).as(what).isEqualTo("not-found");
        });
        var untouched = TenantScope.call(AllowedClients.ALL, () -> intake.messages(other.clientId(), null, null, 100,
                CurrentUser.of(other.setup().maker())));
        assertThat(untouched).singleElement().satisfies(m -> assertThat(m.subject()).isEqualTo("Their ticket"));
        assertThat(TenantScope.call(AllowedClients.ALL, () -> context.getBean(org.openbpo.work.WorkItemComments.class)
                .of(other.clientId(), otherTicket))).isEmpty();
        assertThat(api.get(mine + "/tickets?q=ticket").body().path("items").valueStream()
                .map(item -> item.path("id").asLong())).doesNotContain(otherTicket);
        if (api.get("/api/v1/support/waiting-chats").status() == 200) {
            assertThat(api.get("/api/v1/support/waiting-chats").body().valueStream().map(c -> c.path("id").asString()))
                    .doesNotContain(otherChat.toString());
        }
        assertThat(TenantScope.call(AllowedClients.ALL, () -> context.getBean(LiveChats.class).get(other.clientId(), otherChat,
                CurrentUser.of(other.setup().maker())).status())).isEqualTo(Chat.Status.WAITING);
        assertThat(TenantScope.call(AllowedClients.ALL, () -> context.getBean(Macros.class)
                .get(other.clientId(), otherMacro, CurrentUser.of(other.setup().maker())).name())).isEqualTo("Their macro");
        assertThat(TenantScope.call(AllowedClients.ALL, () -> context.getBean(SupportChannels.class)
                .settings(other.clientId(), CurrentUser.of(other.setup().maker())).inboundAddress())).isEqualTo(other.address());
    }
}
