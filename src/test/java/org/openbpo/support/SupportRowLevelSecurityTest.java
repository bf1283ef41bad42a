package org.openbpo.support;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The support tables, seen by the application's database role: the database itself keeps each client's data apart. */
class SupportRowLevelSecurityTest extends IntegrationTest {

    private static final List<String> TABLES = List.of("support.channel_settings", "support.inbound_message",
            "support.thread_message", "support.mailbox_poll", "support.outbound_message", "support.form_submission",
            "support.customer", "support.customer_contact", "support.ticket_customer", "support.chat", "support.chat_message",
            "support.call", "support.article", "support.macro", "support.search_term", "support.ticket_outcome");

    @Autowired
    ApplicationContext context;

    SupportFixture.Desk first;
    SupportFixture.Desk second;

    @BeforeEach
    void twoClientsWithMailAndReplies() {
        ServerAccess nowhere = new ServerAccess("localhost", 1, MailSecurity.NONE, "help", "secret");
        first = SupportFixture.desk(context, providerAdministrator(), unique("RLSS"), nowhere, nowhere);
        second = SupportFixture.desk(context, providerAdministrator(), unique("RLST"), nowhere, nowhere);
        for (SupportFixture.Desk desk : List.of(first, second)) {
            TenantScope.run(AllowedClients.only(desk.clientId()), () -> {
                long ticket = context.getBean(EmailIntake.class).receive(desk.clientId(),
                        TestMail.from("ann@customer.test").subject("Hello").bytes(), IntakeSource.RELAY).message().itemId();
                context.getBean(CustomerReplies.class).reply(desk.clientId(), ticket, new ReplyToCustomer("Hi Ann", null),
                        CurrentUser.of(desk.setup().maker()));
            });
            TenantScope.run(AllowedClients.ALL, () -> context.getBean(WebForms.class).submit(desk.setup().client().code(),
                    new SupportRequest("Bo", "bo@customer.test", "Form", "Hello", null), "203.0.113.9"));
            context.getBean(LiveChats.class).start(desk.setup().client().code(), new StartChat("Cy", "cy@customer.test", "Hi", null),
                    "203.0.113.10");
            CurrentUser agent = CurrentUser.of(desk.setup().maker());
            TenantScope.run(AllowedClients.ALL, () -> {
                CurrentUser lead = providerAdministrator();
                context.getBean(PhoneCalls.class).log(desk.clientId(), new LogCall("+15550100", null, clock.instant().minusSeconds(60),
                        clock.instant(), null, "Called about the bill"), agent);
                context.getBean(KnowledgeBase.class).write(desk.clientId(), new WriteArticle(Article.Kind.SOP, "greeting", "Greeting",
                        "Say hello", null, true), lead);
                context.getBean(Macros.class).write(desk.clientId(), new WriteMacro("Thanks", "Thank you {{customer.name}}", null), lead);
                var call = context.getBean(PhoneCalls.class).page(desk.clientId(), clock.instant().plusSeconds(1), 1, agent).getFirst();
                context.getBean(org.openbpo.work.WorkItems.class).move(desk.clientId(), call.itemId(),
                        new org.openbpo.work.MoveWorkItem("solved", null), agent);
            });
        }
        for (int i = 0; i < 100 && outcomes() < 2; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void everySupportTableIsKeyedByClientAndForcesItsPolicy() throws SQLException {
        try (Connection connection = TestDatabase.get().superuserConnection(); Statement sql = connection.createStatement();
             ResultSet tables = sql.executeQuery("""
                     select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                            (select count(*) from pg_policy p where p.polrelid = c.oid),
                            (select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
                              where i.indrelid = c.oid and i.indisprimary)
                       from pg_class c join pg_namespace n on n.oid = c.relnamespace
                      where n.nspname = 'support' and c.relkind = 'r'""")) {
            List<String> seen = new ArrayList<>();
            while (tables.next()) {
                String table = "support." + tables.getString(1);
                seen.add(table);
                assertThat(tables.getBoolean(2)).as(table + " enables row-level security").isTrue();
                assertThat(tables.getBoolean(3)).as(table + " forces it").isTrue();
                assertThat(tables.getInt(4)).as(table + " has a policy").isEqualTo(1);
                assertThat(tables.getString(5)).as(table + " is keyed by client first").isEqualTo("client_id");
            }
            assertThat(seen).containsExactlyInAnyOrderElementsOf(TABLES);
        }
    }

    private long outcomes() {
        try (Connection connection = TestDatabase.get().superuserConnection(); Statement sql = connection.createStatement()) {
            return count(sql, "select count(*) from support.ticket_outcome where client_id in ('" + first.clientId() + "', '"
                    + second.clientId() + "')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withoutTheTenantSettingNothingIsVisibleAndWithOneClientOnlyItsRows() throws SQLException {
        try (Connection connection = TestDatabase.asApplicationRole(); Statement sql = connection.createStatement()) {
            for (String table : TABLES) {
                assertThat(count(sql, "select count(*) from " + table)).as(table).isZero();
            }
            connection.setAutoCommit(false);
            sql.execute("select set_config('openbpo.clients', '" + first.clientId() + "', true)");
            for (String table : TABLES) {
                assertThat(count(sql, "select count(*) from " + table + " where client_id = '" + first.clientId() + "'"))
                        .as(table + " of the first client").isPositive();
                assertThat(count(sql, "select count(*) from " + table + " where client_id <> '" + first.clientId() + "'"))
                        .as(table + " of others").isZero();
            }
            assertThat(sql.executeUpdate("update support.channel_settings set display_name = 'Hijacked' where client_id = '"
                    + second.clientId() + "'")).isZero();
            assertThatThrownBy(() -> sql.execute("insert into support.thread_message (client_id, message_id, item_id, direction, at) "
                    + "select client_id, '<forged@x>', item_id, 'IN', now() from support.thread_message limit 0; "
                    + "insert into support.mailbox_poll (client_id, due_at) values ('" + second.clientId() + "', now())"))
                    .hasMessageContaining("row-level security");
            connection.rollback();
        }
    }

    @Test
    void thePoliciesKeepIndexUse() throws SQLException {
        try (Connection connection = TestDatabase.asApplicationRole(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("set local enable_seqscan = off");
            sql.execute("select set_config('openbpo.clients', '" + first.clientId() + "', true)");
            assertThat(plan(sql, "select * from support.inbound_message where client_id = '" + first.clientId()
                    + "' and message_key = '<x@y>'")).contains("Index").doesNotContain("Seq Scan");
            assertThat(plan(sql, "select item_id from support.thread_message where client_id = '" + first.clientId()
                    + "' and message_id = any (array['<x@y>'])")).contains("Index").doesNotContain("Seq Scan");
            // Text search under RLS: @@ is not leakproof, so it can only filter after the policy; the client's index narrows first.
            assertThat(plan(sql, "select id from work.work_item where client_id = '" + first.clientId()
                    + "' and to_tsvector('simple', title) @@ websearch_to_tsquery('simple', 'hello')"))
                    .contains("work_item_client").doesNotContain("Seq Scan");
            connection.rollback();
        }
    }

    private static String plan(Statement sql, String query) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = sql.executeQuery("explain " + query)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }


    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
