package org.openbpo.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's own system raises tickets, comments on them and finds them again; the provider's notes stay the provider's. */
class TicketApiTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    SupportFixture.Desk desk;
    String tickets;

    @BeforeEach
    void aClientWithASupportLine() {
        desk = SupportFixture.desk(context, providerAdministrator(), unique("TKT"), null, null);
        tickets = "/api/v1/clients/" + desk.clientId() + "/support/tickets";
    }

    @Test
    void theClientsSystemRaisesCommentsAndSeesOnlyWhatIsMeantForIt() {
        Api client = api().as(desk.setup().requesterToken());
        Api agent = api().as(desk.setup().makerToken());

        Api.Response raised = client.post(tickets, Map.of("subject", "Card declined at checkout",
                "description", "Customer 88123 cannot pay with Visa", "customerEmail", "Fay@Customer.test", "priority", "HIGH"));
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
        long id = raised.body().path("id").asLong();
        assertThat(raised.text("channel")).isEqualTo("API");
        assertThat(raised.text("serviceLine")).isEqualTo("support");
        assertThat(raised.text("priority")).isEqualTo("HIGH");
        assertThat(raised.body().path("form").path("customerEmail").asString()).isEqualTo("fay@customer.test");

        assertThat(agent.post(tickets + "/" + id + "/comments", Map.of("body", "Acquirer reports 3-D Secure timeouts",
                "visibility", "INTERNAL")).status()).isEqualTo(201);
        assertThat(agent.post(tickets + "/" + id + "/comments", Map.of("body", "We are looking into it")).status()).isEqualTo(201);
        Api.Response clientNote = client.post(tickets + "/" + id + "/comments", Map.of("body", "It works with Mastercard"));
        assertThat(clientNote.status()).isEqualTo(201);
        assertThat(clientNote.text("visibility")).isEqualTo("CLIENT");
        Api.Response sneaky = client.post(tickets + "/" + id + "/comments", Map.of("body", "x", "visibility", "INTERNAL"));
        assertThat(sneaky.status()).isEqualTo(403);

        assertThat(bodies(client.get(tickets + "/" + id + "/comments"))).containsExactly("We are looking into it", "It works with Mastercard");
        assertThat(bodies(agent.get(tickets + "/" + id + "/comments")))
                .containsExactly("Acquirer reports 3-D Secure timeouts", "We are looking into it", "It works with Mastercard");
        assertThat(client.get(tickets + "?q=acquirer").body().path("items").size())
                .as("the client's search does not read the provider's internal notes").isZero();
        assertThat(client.get(tickets + "?q=mastercard").body().path("items").valueStream().map(i -> i.path("id").asLong()))
                .containsExactly(id);
        assertThat(agent.get(tickets + "?q=acquirer").body().path("items").valueStream().map(i -> i.path("id").asLong()))
                .containsExactly(id);
    }

    @Test
    void aTicketTheCustomerReopensIsBackOnTheClockWithItsVerdictUndone() {
        Api client = api().as(desk.setup().requesterToken());
        Api agent = api().as(desk.setup().makerToken());
        long id = client.post(tickets, Map.of("subject", "Refund missing", "description", "Order 77", "customerEmail", "gus@customer.test"))
                .body().path("id").asLong();
        String item = "/api/v1/clients/" + desk.clientId() + "/work-items/" + id;
        assertThat(api().as(desk.setup().adminToken()).put(item + "/assignment", Map.of("agentId", desk.setup().maker().id().toString()))
                .status()).isEqualTo(200);
        clock.advance(java.time.Duration.ofHours(1));
        Api.Response solved = agent.post(item + "/moves", Map.of("to", "solved"));
        assertThat(solved.status()).as(solved.body().toString()).isEqualTo(200);
        assertThat(solved.body().path("sla").path("met").asBoolean()).isTrue();
        long used = solved.body().path("sla").path("consumedSeconds").asLong();

        clock.advance(java.time.Duration.ofHours(2));
        Api.Response reopened = client.post(item + "/moves", Map.of("to", "open", "note", "Still no refund"));
        assertThat(reopened.status()).as(reopened.body().toString()).isEqualTo(200);
        assertThat(reopened.body().path("sla").path("met").isNull()).as("no verdict until it is solved again").isTrue();
        assertThat(reopened.body().path("sla").path("dueAt").isNull()).as("back on the clock").isFalse();
        assertThat(reopened.body().path("sla").path("consumedSeconds").asLong()).as("the time already used counts").isEqualTo(used);
        assertThat(reopened.body().path("completedAt").isNull()).isTrue();
    }

    /**
     * The client's system writing on a solved ticket says the work is not done: the comment reopens it.
     * On a ticket closed for good nobody would read it: 409, raise a new ticket.
     */
    @Test
    void aClientsCommentOnASolvedTicketReopensItAndOneOnATicketClosedForGoodIsRefused() {
        Api client = api().as(desk.setup().requesterToken());
        Api agent = api().as(desk.setup().makerToken());
        Api admin = api().as(desk.setup().adminToken());
        long solvedId = client.post(tickets, Map.of("subject", "Refund missing", "description", "Order 78")).body().path("id").asLong();
        long closedId = client.post(tickets, Map.of("subject", "Wrong size", "description", "Order 79")).body().path("id").asLong();
        for (long id : List.of(solvedId, closedId)) {
            String item = "/api/v1/clients/" + desk.clientId() + "/work-items/" + id;
            assertThat(admin.put(item + "/assignment", Map.of("agentId", desk.setup().maker().id().toString())).status()).isEqualTo(200);
            assertThat(agent.post(item + "/moves", Map.of("to", "open")).status()).isEqualTo(200);
            assertThat(agent.post(item + "/moves", Map.of("to", id == solvedId ? "solved" : "closed_unsolved")).status()).isEqualTo(200);
        }

        Api.Response comment = client.post(tickets + "/" + solvedId + "/comments", Map.of("body", "The refund has still not arrived"));
        assertThat(comment.status()).as(comment.body().toString()).isEqualTo(201);
        Api.Response reopened = client.get("/api/v1/clients/" + desk.clientId() + "/work-items/" + solvedId);
        assertThat(reopened.text("state")).isEqualTo("open");
        assertThat(reopened.body().path("completedAt").isNull()).isTrue();

        Api.Response refused = client.post(tickets + "/" + closedId + "/comments", Map.of("body", "Any news?"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("ticket-closed");
        assertThat(bodies(agent.get(tickets + "/" + closedId + "/comments"))).as("nothing filed").isEmpty();
    }

    @Test
    void ticketsAreFoundByTheirWordsPageByPage() {
        Api client = api().as(desk.setup().requesterToken());
        long first = raise(client, "Parcel lost", "Tracking shows delivered to a neighbour");
        long second = raise(client, "Refund", "Parcel arrived damaged");
        raise(client, "Password reset", "Cannot log in");
        long third = raise(client, "Question", "Which courier?");
        client.post(tickets + "/" + third + "/comments", Map.of("body", "The parcel never came"));

        Api.Response page1 = client.get(tickets + "?q=parcel&limit=2");
        assertThat(ids(page1)).containsExactly(third, second);
        Api.Response page2 = client.get(tickets + "?q=parcel&limit=2&cursor=" + page1.text("nextCursor"));
        assertThat(ids(page2)).containsExactly(first);
        assertThat(page2.body().path("nextCursor").isNull()).isTrue();
        assertThat(ids(client.get(tickets + "?q=parcel%20-damaged"))).containsExactly(third, first);
        assertThat(api().as(desk.setup().makerToken()).get(tickets + "?q=password").body().path("items").size()).isEqualTo(1);
    }

    @Test
    void oneIdempotencyKeyRaisesOneTicketHoweverOftenAndConcurrentlyItIsSent() throws Exception {
        Api client = api().as(desk.setup().requesterToken());
        Map<String, Object> ticket = Map.of("subject", "Invoice missing", "description", "Order 4411 has no invoice",
                "customerEmail", "gil@customer.test");
        Api keyed = client.header("Idempotency-Key", "crm-4411");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<Api.Response> answers = new java.util.ArrayList<>();
        try {
            var sent = new java.util.ArrayList<java.util.concurrent.Future<Api.Response>>();
            for (int i = 0; i < 4; i++) {
                sent.add(pool.submit(() -> keyed.post(tickets, ticket)));
            }
            for (var answer : sent) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }
        answers.add(keyed.post(tickets, ticket)); // a retry after all of them
        for (Api.Response answer : answers) {
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(201);
        }
        assertThat(answers.stream().map(answer -> answer.body().path("id").asLong()).distinct()).hasSize(1);
        assertThat(answers.stream().filter(answer -> "true".equals(answer.headers().get("idempotent-replayed")))).hasSize(4);
        assertThat(ids(client.get(tickets + "?q=invoice"))).containsExactly(answers.getFirst().body().path("id").asLong());

        Api.Response reused = keyed.post(tickets, Map.of("subject", "Another", "description", "Something else"));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.text("code")).isEqualTo("idempotency-key-reused");
        assertThat(ids(client.get(tickets + "?q=another"))).as("the refused request's ticket was rolled back").isEmpty();
    }

    private long raise(Api api, String subject, String description) {
        Api.Response response = api.post(tickets, Map.of("subject", subject, "description", description));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body().path("id").asLong();
    }

    private static List<Long> ids(Api.Response page) {
        return page.body().path("items").valueStream().map(item -> item.path("id").asLong()).toList();
    }

    private static List<String> bodies(Api.Response comments) {
        return comments.body().valueStream().map(comment -> comment.path("body").asString()).toList();
    }
}
