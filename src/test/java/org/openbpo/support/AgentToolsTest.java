package org.openbpo.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Macros with placeholders, bulk actions audited ticket by ticket, and ticket search that keeps its index under RLS. */
class AgentToolsTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    AuditTrail audit;

    SupportFixture.Desk desk;
    String base;

    @BeforeEach
    void aClientWithASupportLine() {
        desk = SupportFixture.desk(context, providerAdministrator(), unique("TOOL"), null, null);
        base = "/api/v1/clients/" + desk.clientId() + "/support";
    }

    @Test
    void aMacroAnswersTheCustomerWithThePlaceholdersFilledAndSolvesTheTicket() {
        Api lead = api().as(desk.setup().adminToken());
        Api.Response unknown = lead.post(base + "/macros", Map.of("name", "Bad", "body", "Hello {{customer.shoe_size}}"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.text("field")).isEqualTo("body");
        assertThat(unknown.text("detail")).contains("{{customer.shoe_size}} is not a placeholder");
        Api.Response macro = lead.post(base + "/macros", Map.of("name", "Refund sent",
                "body", "Dear {{customer.name}}, your refund for {{ticket.reference}} is on its way. {{agent.name}}, {{client.name}}",
                "moveTo", "solved"));
        assertThat(macro.status()).as(macro.body().toString()).isEqualTo(201);
        assertThat(lead.post(base + "/macros", Map.of("name", "refund SENT", "body", "x")).text("code")).isEqualTo("name-taken");
        assertThat(api().as(desk.setup().makerToken()).post(base + "/macros", Map.of("name", "Mine", "body", "x")).status())
                .isEqualTo(403);

        long ticket = raise("Refund please", "fay@customer.test");
        Api agent = api().as(desk.setup().makerToken());
        assertThat(lead.put("/api/v1/clients/" + desk.clientId() + "/work-items/" + ticket + "/assignment",
                Map.of("agentId", desk.setup().maker().id().toString())).status()).isEqualTo(200);
        assertThat(agent.post(base + "/tickets/" + ticket + "/comments", Map.of("body", "Customer was rude", "visibility", "INTERNAL"))
                .status()).isEqualTo(201);
        String path = base + "/tickets/" + ticket + "/macros/" + macro.text("id");
        assertThat(agent.get(path).text("body"))
                .isEqualTo("Dear fay@customer.test, your refund for WI-" + ticket + " is on its way. Agent maker, Albion Mutual Support");
        Api.Response applied = agent.post(path, "");
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        assertThat(applied.text("state")).isEqualTo("solved");
        assertThat(agent.get(base + "/tickets/" + ticket + "/comments").body().valueStream().map(c -> c.path("body").asString()))
                .anyMatch(body -> body.startsWith("Dear fay@customer.test, your refund"));
        // The client reads the ticket's timeline: what happened, not the provider's internals.
        String timelinePath = "/api/v1/clients/" + desk.clientId() + "/work-items/" + ticket + "/timeline";
        Api.Response timeline = api().as(desk.setup().requesterToken()).get(timelinePath);
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.body().valueStream().map(e -> e.path("type").asString()))
                .containsExactly("created", "commented", "first-response", "moved");
        assertThat(timeline.body().valueStream().map(e -> e.path("actor").asString())).containsOnly(
                timeline.body().get(0).path("actor").asString(), "Service team");
        assertThat(timeline.body().toString()).contains("solved").doesNotContain("Refund sent", "maker", "INTERNAL", "queue", "priority");
        Api.Response inside = api().as(desk.setup().adminToken()).get(timelinePath);
        assertThat(inside.body().valueStream().map(e -> e.path("type").asString())).contains("assigned", "commented");
        assertThat(inside.body().toString()).contains("maker");
    }

    @Test
    void bulkActionsChangeEachTicketOnItsOwnAndReportWhatCouldNotBeDone() {
        long first = raise("Order late", "a@customer.test");
        long second = raise("Order missing", "b@customer.test");
        long third = raise("Order wrong", "c@customer.test");
        Api lead = api().as(desk.setup().adminToken());
        Api agent = api().as(desk.setup().makerToken());

        assertThat(agent.post(base + "/tickets/bulk", Map.of("action", "ASSIGN", "itemIds", List.of(first),
                "agentId", desk.setup().maker().id().toString())).status()).isEqualTo(403);
        assertThat(lead.post(base + "/tickets/bulk", Map.of("action", "ASSIGN", "itemIds", List.of(first))).text("field"))
                .isEqualTo("agentId");
        assertThat(lead.post(base + "/tickets/bulk", Map.of("action", "DELETE", "itemIds", List.of(first))).status()).isEqualTo(400);
        assertThat(lead.post(base + "/tickets/bulk", Map.of("action", "CLOSE", "itemIds", List.of())).text("field"))
                .isEqualTo("itemIds");

        Api.Response assigned = lead.post(base + "/tickets/bulk", Map.of("action", "ASSIGN", "itemIds", List.of(first, second, third),
                "agentId", desk.setup().checker().id().toString()));
        assertThat(assigned.body().valueStream().map(r -> r.path("done").asBoolean())).containsOnly(true);

        Api.Response notTheirs = agent.post(base + "/tickets/bulk", Map.of("action", "CLOSE", "itemIds", List.of(first),
                "note", "Duplicate of a courier incident"));
        assertThat(notTheirs.body().get(0).path("done").asBoolean()).as("another agent's tickets are not theirs to close").isFalse();
        assertThat(notTheirs.body().get(0).path("code").asString()).isEqualTo("not-your-item");

        Api holder = api().as(desk.setup().checkerToken());
        Api.Response closed = holder.post(base + "/tickets/bulk", Map.of("action", "CLOSE", "itemIds", List.of(first, second, 999_999_999L),
                "note", "Duplicate of a courier incident"));
        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(200);
        assertThat(closed.body().valueStream().map(r -> r.path("itemId").asLong() + ":" + r.path("done").asBoolean()))
                .containsExactly(first + ":true", second + ":true", "999999999:false");
        assertThat(closed.body().get(2).path("code").asString()).isEqualTo("not-found");
        assertThat(agent.get(base + "/tickets/" + first + "/comments").status()).isEqualTo(200);
        TenantScope.run(AllowedClients.only(desk.clientId()), () -> {
            assertThat(audit.history(desk.clientId(), "work-item", first)).extracting(e -> e.action())
                    .contains("work-item.assigned", "work-item.moved");
            assertThat(audit.history(desk.clientId(), "work-item", second)).extracting(e -> e.action()).contains("work-item.moved");
            assertThat(audit.history(desk.clientId(), "work-item", third)).extracting(e -> e.action()).doesNotContain("work-item.moved");
        });
    }

    @Test
    void aBulkActionUnderAnIdempotencyKeyIsKeptWholeOrRefused() {
        long ticket = raise("Order late again", "g@customer.test");
        Api agent = api().as(desk.setup().makerToken());
        Map<String, Object> closeOneAndAMissingOne = Map.of("action", "CLOSE", "itemIds", List.of(ticket, 999_999_999L),
                "note", "Duplicate");

        Api.Response refused = agent.header("Idempotency-Key", unique("bulk")).post(base + "/tickets/bulk", closeOneAndAMissingOne);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("not-applied-as-one");
        TenantScope.run(AllowedClients.only(desk.clientId()), () -> assertThat(audit.history(desk.clientId(), "work-item", ticket))
                .extracting(e -> e.action()).doesNotContain("work-item.moved"));

        Api.Response done = agent.post(base + "/tickets/bulk", closeOneAndAMissingOne);
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.body().valueStream().map(r -> r.path("itemId").asLong() + ":" + r.path("done").asBoolean()))
                .containsExactly(ticket + ":true", "999999999:false");
        TenantScope.run(AllowedClients.only(desk.clientId()), () -> assertThat(audit.history(desk.clientId(), "work-item", ticket))
                .extracting(e -> e.action()).contains("work-item.moved"));
    }

    @Test
    void ticketSearchUsesAnIndexUnderRowLevelSecurity() throws SQLException {
        long parcel = raise("Parcel crushed in transit", "d@customer.test");
        raise("Password reset", "e@customer.test");
        Api agent = api().as(desk.setup().makerToken());
        assertThat(agent.get(base + "/tickets?q=crushed").body().path("items").valueStream().map(i -> i.path("id").asLong()))
                .containsExactly(parcel);
        assertThat(agent.get(base + "/tickets?q=-crushed").body().path("items").size()).isZero();
        assertThat(agent.get(base + "/tickets?q=" + "x".repeat(501)).text("field")).isEqualTo("q");

        var settings = TestDatabase.settings();
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.owner(), settings.password());
             Statement sql = connection.createStatement()) {
            sql.execute("set role openbpo_app");
            connection.setAutoCommit(false);
            sql.execute("set local enable_seqscan = off");
            sql.execute("select set_config('openbpo.clients', '" + desk.clientId() + "', true)");
            StringBuilder plan = new StringBuilder();
            try (ResultSet rows = sql.executeQuery("explain select distinct item_id from support.search_term where client_id = '"
                    + desk.clientId() + "' and term = any (tsvector_to_array(to_tsvector('simple', 'parcel crushed'))) and item_id < 9999999")) {
                while (rows.next()) {
                    plan.append(rows.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).as(plan.toString()).contains("search_term_pkey").contains("Index Cond")
                    .containsPattern("Index Cond: .*term = ANY").doesNotContain("Seq Scan");
            connection.rollback();
        }
    }

    @Test
    void aMacroIsRewrittenWithItsPlaceholdersCheckedAndTheOldTextAudited() {
        Api lead = api().as(desk.setup().adminToken());
        String id = lead.post(base + "/macros", Map.of("name", "Thanks", "body", "Thank you, {{customer.name}}.")).text("id");
        lead.post(base + "/macros", Map.of("name", "Goodbye", "body", "Goodbye."));
        String path = base + "/macros/" + id;

        Api.Response bad = lead.put(path, Map.of("name", "Thanks", "body", "Thank you, {{customer.nickname}}."));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.text("field")).isEqualTo("body");
        assertThat(lead.put(path, Map.of("name", "goodbye", "body", "x")).text("code")).isEqualTo("name-taken");
        assertThat(api().as(desk.setup().makerToken()).put(path, Map.of("name", "Mine", "body", "x")).status()).isEqualTo(403);
        assertThat(lead.put(base + "/macros/" + java.util.UUID.randomUUID(), Map.of("name", "X", "body", "x")).status()).isEqualTo(404);

        Api.Response rewritten = lead.put(path, Map.of("name", "Thanks", "body", "Thank you, {{customer.name}}, for {{ticket.reference}}.",
                "moveTo", "solved"));
        assertThat(rewritten.status()).as(rewritten.body().toString()).isEqualTo(200);
        assertThat(rewritten.text("moveTo")).isEqualTo("solved");
        assertThat(api().as(desk.setup().makerToken()).get(base + "/macros").body().valueStream()
                .filter(m -> m.path("name").asString().equals("Thanks")).findFirst().orElseThrow().path("body").asString())
                .isEqualTo("Thank you, {{customer.name}}, for {{ticket.reference}}.");
        TenantScope.run(AllowedClients.only(desk.clientId()), () -> assertThat(audit.history(desk.clientId(), "macro",
                java.util.UUID.fromString(id))).extracting(e -> e.action()).containsExactly("support.macro-written", "support.macro-rewritten"));
    }

    private long raise(String subject, String email) {
        Api.Response raised = api().as(desk.setup().requesterToken()).post(base + "/tickets", Map.of("subject", subject,
                "description", "Please help", "customerEmail", email));
        assertThat(raised.status()).as(raised.body().toString()).isEqualTo(201);
        return raised.body().path("id").asLong();
    }
}
