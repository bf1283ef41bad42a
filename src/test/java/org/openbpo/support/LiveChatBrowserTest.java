package org.openbpo.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Api;
import org.openbpo.testing.Browser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItemComments;
import org.openbpo.work.WorkItems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer chats through the widget in a real browser while an agent answers; then an agent
 * answers from the chat desk in a real browser. The chat is a ticket with its transcript.
 */
class LiveChatBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser(() -> port);

    @Autowired
    ApplicationContext context;
    @Autowired
    WorkItems workItems;
    @Autowired
    WorkItemComments comments;

    SupportFixture.Desk desk;
    String chats;

    @BeforeEach
    void aClientWithAChatWidget() {
        desk = SupportFixture.desk(context, providerAdministrator(), unique("CHAT"), null, null);
        chats = "/api/v1/clients/" + desk.clientId() + "/support/chats";
    }

    @Test
    void aCustomerChatsThroughTheWidgetAndTheChatBecomesATicketWithItsTranscript() {
        browser.open("/forms/" + desk.setup().client().code() + "/chat");
        browser.click("#obpo-chat-open");
        browser.type("#obpo-chat-name", "Dan Driver").type("#obpo-chat-email", "dan@customer.test")
                .type("#obpo-chat-first", "My policy renewal shows the wrong car").click("#obpo-chat-go");
        browser.await().until(d -> browser.text("#obpo-chat-status").contains("waiting for an agent"));
        assertThat(browser.text("#obpo-chat-log")).contains("Dan Driver:", "My policy renewal shows the wrong car");

        Api agent = api().as(desk.setup().makerToken());
        Api.Response waiting = agent.get("/api/v1/support/waiting-chats");
        String chatId = waiting.body().valueStream().filter(c -> c.path("clientId").asString().equals(desk.clientId().toString()))
                .findFirst().orElseThrow().path("id").asString();
        Api.Response taken = agent.post(chats + "/" + chatId + "/take", "");
        assertThat(taken.status()).as(taken.body().toString()).isEqualTo(200);
        assertThat(agent.post(chats + "/" + chatId + "/take", "").text("code")).isEqualTo("already-taken");
        assertThat(agent.post(chats + "/" + chatId + "/messages", Map.of("body", "Hello Dan, which car do you drive now?")).status())
                .isEqualTo(201);

        browser.await().until(d -> browser.text("#obpo-chat-log").contains("which car do you drive now?"));
        assertThat(browser.text("#obpo-chat-status")).contains("You are chatting with Agent maker");
        browser.type("#obpo-chat-input", "A blue Volvo V60").click("#obpo-chat-send");
        browser.await().until(d -> bodies(agent.get(chats + "/" + chatId + "/messages")).contains("A blue Volvo V60"));
        browser.screenshot("live-chat-widget");

        assertThat(agent.post(chats + "/" + chatId + "/end", "").text("status")).isEqualTo("ENDED");
        browser.await().until(d -> browser.text("#obpo-chat-status").contains("This chat has ended"));

        long itemId = taken.body().path("itemId").asLong();
        WorkItem ticket = TenantScope.call(AllowedClients.only(desk.clientId()), () -> workItems.get(desk.clientId(), itemId));
        assertThat(ticket.channel()).isEqualTo("CHAT");
        assertThat(ticket.assigneeId()).isEqualTo(desk.setup().maker().id());
        List<WorkItemComments.Comment> notes = TenantScope.call(AllowedClients.only(desk.clientId()),
                () -> comments.of(desk.clientId(), itemId));
        assertThat(notes).singleElement().satisfies(transcript -> assertThat(transcript.body())
                .contains("Dan Driver: My policy renewal shows the wrong car", "Agent maker: Hello Dan, which car do you drive now?",
                        "Dan Driver: A blue Volvo V60", "Agent maker ended the chat."));
        assertThat(agent.get("/api/v1/clients/" + desk.clientId() + "/support/tickets/" + itemId + "/customer")
                .body().path("customer").path("name").asString()).isEqualTo("Dan Driver");
    }

    @Test
    void anAgentAnswersTheLongestWaitingChatFromTheChatDesk() throws Exception {
        Api customer = api();
        String base = "/forms/" + desk.setup().client().code() + "/chat/sessions";
        Api.Response started = customer.post(base, Map.of("name", "Eve Early", "email", "eve@customer.test",
                "message", "Is my claim approved?"));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(201);
        clock.advance(java.time.Duration.ofSeconds(30));
        customer.post(base, Map.of("name", "Lou Late", "email", "lou@customer.test", "message", "Question about my premium"));
        Api eve = api().header("X-Chat-Token", started.text("token"));
        String chat = started.text("chatId");

        browser.logIn(desk.setup().maker().email(), "long enough password");
        browser.open("/support/chats");
        assertThat(browser.texts("#waiting-chats .waiting-chat td:first-child")).containsSubsequence("Eve Early", "Lou Late");
        browser.clickToLoad(".waiting-chat[data-chat='" + chat + "'] .take-chat");
        assertThat(browser.text("#chat-lines")).contains("Eve Early: Is my claim approved?", "Agent maker joined the chat.");
        browser.type("#chat-body", "Yes, it was approved this morning.").clickToLoad("#chat-send");

        Api.Response seen = eve.get(base + "/" + chat + "/messages?after=1");
        assertThat(seen.body().path("agentName").asString()).isEqualTo("Agent maker");
        assertThat(seen.body().path("messages").valueStream().map(m -> m.path("body").asString()))
                .contains("Yes, it was approved this morning.");
        assertThat(eve.post(base + "/" + chat + "/messages", Map.of("body", "Thank you!")).status()).isEqualTo(201);
        browser.await().until(d -> browser.text("#chat-lines").contains("Thank you!"));
        browser.screenshot("live-chat-desk");
        browser.clickToLoad("#chat-end");
        assertThat(browser.path()).startsWith("/work/" + desk.clientId() + "/");
    }

    private static List<String> bodies(Api.Response transcript) {
        return transcript.body().valueStream().map(line -> line.path("body").asString()).toList();
    }
}
