package org.openbpo.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat endpoints refuse bad input with a reason, keep one customer's chat from another, and never answer a wrong token. */
class LiveChatApiTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    SupportFixture.Desk desk;
    String base;

    @BeforeEach
    void aClientWithAChatWidget() {
        desk = SupportFixture.desk(context, providerAdministrator(), unique("CHAPI"), null, null);
        base = "/forms/" + desk.setup().client().code() + "/chat/sessions";
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Api.Response noEmail = api().post(base, Map.of("name", "Al", "email", "nope", "message", "Hi"));
        assertThat(noEmail.status()).isEqualTo(422);
        assertThat(noEmail.text("field")).isEqualTo("email");
        Api.Response empty = api().post(base, Map.of("name", "Al", "email", "al@customer.test", "message", " "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.text("field")).isEqualTo("message");
        assertThat(api().post("/forms/NO-SUCH-CLIENT/chat/sessions", Map.of("name", "Al", "email", "al@customer.test",
                "message", "Hi")).status()).isEqualTo(404);

        Api.Response started = api().post(base, Map.of("name", "Al", "email", "al@customer.test", "message", "Hi"));
        String chat = started.text("chatId");
        Api.Response tooLong = api().header("X-Chat-Token", started.text("token")).post(base + "/" + chat + "/messages",
                Map.of("body", "x".repeat(2_001)));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.text("field")).isEqualTo("body");
        assertThat(api().header("X-Chat-Token", "forged").get(base + "/" + chat + "/messages").status()).isEqualTo(404);
        assertThat(api().header("X-Chat-Token", started.text("token")).get(base + "/" + UUID.randomUUID() + "/messages").status())
                .isEqualTo(404);

        Api agent = api().as(desk.setup().makerToken());
        String chats = "/api/v1/clients/" + desk.clientId() + "/support/chats/" + chat;
        Api.Response untaken = agent.post(chats + "/messages", Map.of("body", "Hello"));
        assertThat(untaken.status()).isEqualTo(409);
        assertThat(untaken.text("code")).isEqualTo("not-your-chat");
        assertThat(api().as(desk.setup().requesterToken()).post(chats + "/take", "").status()).isEqualTo(403);
    }

    @Test
    void aRobotInTheTrapGetsASessionThatLeadsNowhere() {
        Api.Response trapped = api().post(base, Map.of("name", "Bot", "email", "bot@spam.test", "message", "Buy", "website", "x"));
        assertThat(trapped.status()).isEqualTo(201);
        assertThat(trapped.body().path("reference").isNull()).isTrue();
        assertThat(api().header("X-Chat-Token", trapped.text("token")).get(base + "/" + trapped.text("chatId") + "/messages")
                .status()).isEqualTo(404);
        assertThat(api().as(desk.setup().makerToken()).get("/api/v1/clients/" + desk.clientId() + "/support/chats")
                .body().size()).isZero();
    }
}
