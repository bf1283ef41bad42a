package org.openbpo.payables;

import org.junit.jupiter.api.Test;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The database's own layer: every payables table is forced under row-level security; without a tenant setting it shows nothing. */
class PayablesRowLevelSecurityTest extends IntegrationTest {

    private static final List<String> TABLES = List.of("settings", "vendor", "bank_change", "purchase_order", "po_line",
            "goods_receipt", "invoice", "invoice_line", "approval_limit", "proposal", "proposal_item", "payment_run", "payment",
            "credit_note", "credit_application", "mailbox", "inbound_mail", "mail_document");

    @Autowired
    ApplicationContext context;

    @Test
    void everyPayablesTableIsForcedUnderRowLevelSecurity() throws SQLException {
        PayablesFixture.Setup setup = PayablesFixture.client(context, IntegrationTest::unique, providerAdministrator(), "US",
                "America/Chicago", "USD");
        Api.Response vendor = api().as(setup.clerkToken()).post(setup.path() + "/vendors",
                VendorApiTest.vendor("RLS", List.of("USD"), VendorApiTest.US_BANK));
        assertThat(vendor.status()).isEqualTo(201);
        try (Connection connection = TestDatabase.get().superuserConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select relname from pg_class where relnamespace = 'payables'::regnamespace "
                     + "and relkind = 'r' and relrowsecurity and relforcerowsecurity")) {
            List<String> forced = new ArrayList<>();
            while (rows.next()) {
                forced.add(rows.getString(1));
            }
            assertThat(forced).containsExactlyInAnyOrderElementsOf(TABLES);
        }
        var settings = TestDatabase.settings();
        try (Connection connection = DriverManager.getConnection(settings.url(), settings.owner(), settings.password());
             Statement sql = connection.createStatement()) {
            sql.execute("set role openbpo_app");
            for (String table : TABLES) {
                try (ResultSet rows = sql.executeQuery("select count(*) from payables." + table)) {
                    rows.next();
                    assertThat(rows.getLong(1)).as(table + " without a tenant setting").isZero();
                }
            }
            connection.setAutoCommit(false);
            sql.execute("select set_config('openbpo.clients', '" + setup.client().id() + "', true)");
            try (ResultSet rows = sql.executeQuery("select count(*) from payables.vendor")) {
                rows.next();
                assertThat(rows.getLong(1)).as("the client's own vendor, with the setting").isEqualTo(1);
            }
            connection.rollback();
        }
    }
}
