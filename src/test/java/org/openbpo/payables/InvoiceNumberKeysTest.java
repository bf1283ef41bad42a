package org.openbpo.payables;

import org.junit.jupiter.api.Test;
import org.openbpo.payables.domain.InvoiceNumbers;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoice number keys in the database: its function computes the key exactly as the Java does, and
 * the migration that recomputed the keys the old rule wrote keeps numbers apart without ever
 * meeting a vendor's unique key twice.
 */
class InvoiceNumberKeysTest extends IntegrationTest {

    private static final String MIGRATION = "db/migration/payables/V10_4__payables_number_keys_keep_numbers_apart.sql";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabaseComputesTheKeyTheJavaComputes() {
        List<String> numbers = new ArrayList<>(List.of("INV-0042", "inv 42", "1/12", "11/2", "2026/001-07", "000", "0", "  ", "A0-5",
                "0a0", "007/0", "x--0--0", "ß-1", "ı1", "ﬁ 2", "٣/4", "１/2", "12😀/3", "Straße 9", "INV\t7\n8"));
        String[] pieces = {"a", "z", "A", "Z", "q", "0", "00", "1", "7", "9", " ", "-", "/", ".", "_", "#", "ß", "ı", "é", "٣", "１", "😀"};
        Random random = new Random(20260302);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder number = new StringBuilder();
            for (int length = 1 + random.nextInt(12); length > 0; length--) {
                number.append(pieces[random.nextInt(pieces.length)]);
            }
            numbers.add(number.toString());
        }

        List<String> inSql = jdbc.sql("select payables.invoice_number_key(n) from unnest(?::text[]) with ordinality as t (n, i) order by i")
                .param(numbers.toArray(String[]::new)).query(String.class).list();

        Map<String, String> differing = new LinkedHashMap<>();
        for (int i = 0; i < numbers.size(); i++) {
            if (!inSql.get(i).equals(InvoiceNumbers.key(numbers.get(i)))) {
                differing.put(numbers.get(i), inSql.get(i) + " in SQL, " + InvoiceNumbers.key(numbers.get(i)) + " in Java");
            }
        }
        assertThat(differing).isEmpty();
    }

    @Test
    void keysTheOldRuleWroteAreRecomputedAndNeverMeetTwice() throws Exception {
        PayablesFixture.Setup setup = PayablesFixture.client(context, IntegrationTest::unique, providerAdministrator(), "GB",
                "Europe/London", "GBP");
        Api clerk = api().as(setup.clerkToken());
        assertThat(clerk.post(setup.path() + "/vendors", VendorApiTest.vendor("PAPER", List.of("GBP"), null)).status()).isEqualTo(201);
        for (String number : List.of("A-1", "B-1", "C-1")) {
            assertThat(clerk.post(setup.path() + "/invoices", InvoiceCaptureTest.invoice("PAPER", number, "2026-03-01", "GBP",
                    number.charAt(0) == 'A' ? "10.00" : number.charAt(0) == 'B' ? "20.00" : "30.00")).status()).isEqualTo(201);
        }
        UUID client = setup.client().id();
        try (Connection owner = asOwner()) {
            // As the rows stood before the migration, keyed by the old rule, which dropped every separator.
            rewrite(owner, client, "A-1", "1/12", "112");
            rewrite(owner, client, "B-1", "ß-1", "SS1"); // the old rule upper-cased ß into SS; the new one reads it as a separator: 1
            rewrite(owner, client, "C-1", "1", "1");
            owner.commit();

            try (Statement migration = owner.createStatement()) {
                migration.execute(new ClassPathResource(MIGRATION).getContentAsString(StandardCharsets.UTF_8));
            }
            owner.commit();

            assertThat(key(owner, client, "1/12")).isEqualTo("1-12");
            assertThat(key(owner, client, "ß-1")).as("its new key is another invoice's: it keeps its old one").isEqualTo("SS1");
            assertThat(key(owner, client, "1")).isEqualTo("1");
        }

        Api.Response november = clerk.post(setup.path() + "/invoices", InvoiceCaptureTest.invoice("PAPER", "11/2", "2026-03-02", "GBP", "40.00"));
        assertThat(november.status()).as(november.body().toString()).isEqualTo(201);
        Api.Response again = clerk.post(setup.path() + "/invoices", InvoiceCaptureTest.invoice("PAPER", "1-12", "2026-03-02", "GBP", "50.00"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("detail")).contains("already billed invoice 1/12");
    }

    private static Connection asOwner() throws Exception {
        var settings = TestDatabase.settings();
        Connection connection = DriverManager.getConnection(settings.url(), settings.owner(), settings.password());
        connection.setAutoCommit(false);
        try (Statement all = connection.createStatement()) {
            all.execute("select set_config('openbpo.clients', '*', false)");
        }
        return connection;
    }

    private static void rewrite(Connection owner, UUID client, String number, String asNumber, String oldKey) throws Exception {
        try (PreparedStatement update = owner.prepareStatement(
                "update payables.invoice set number = ?, number_key = ? where client_id = ? and number = ?")) {
            update.setString(1, asNumber);
            update.setString(2, oldKey);
            update.setObject(3, client);
            update.setString(4, number);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    private static String key(Connection owner, UUID client, String number) throws Exception {
        try (PreparedStatement select = owner.prepareStatement("select number_key from payables.invoice where client_id = ? and number = ?")) {
            select.setObject(1, client);
            select.setString(2, number);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
