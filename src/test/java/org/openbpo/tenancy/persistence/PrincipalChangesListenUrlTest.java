package org.openbpo.tenancy.persistence;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.database.DatabaseSettings;
import org.openbpo.testing.TestDatabase;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Behind a pooler in transaction mode, the pool's address passes no notifications on, so the
 * listening connection goes where {@code openbpo.database.listen-url} says, and only there.
 */
class PrincipalChangesListenUrlTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Test
    void listensAtTheAddressItIsGivenAndHearsAnnouncementsThere() throws Exception {
        DatabaseSettings database = TestDatabase.settings();
        PrincipalChanges changes = new PrincipalChanges(environment(database,
                database.url() + (database.url().contains("?") ? "&" : "?") + "ApplicationName=openbpo-listen-url-test"));
        changes.start();
        try {
            await().atMost(SOON).until(() -> changes.generation() != PrincipalChanges.NOT_LISTENING);
            try (Connection other = database.connect()) {
                assertThat(listenersNamed(other, "openbpo-listen-url-test")).isEqualTo(1);
                long before = changes.generation();
                try (Statement statement = other.createStatement()) {
                    statement.execute("notify openbpo_principals");
                }
                await().atMost(SOON).until(() -> changes.generation() > before);
            }
        } finally {
            changes.stop();
        }
    }

    @Test
    void anAddressWhereNothingAnswersMeansNothingIsRemembered() throws Exception {
        DatabaseSettings database = TestDatabase.settings();
        PrincipalChanges changes = new PrincipalChanges(environment(database, "jdbc:postgresql://127.0.0.1:1/openbpo"));
        changes.start();
        try {
            Thread.sleep(1_500);
            assertThat(changes.generation()).isEqualTo(PrincipalChanges.NOT_LISTENING);
        } finally {
            changes.stop();
        }
    }

    private static StandardEnvironment environment(DatabaseSettings database, String listenUrl) {
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put(DatabaseSettings.LISTEN_URL, listenUrl);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }

    private static long listenersNamed(Connection connection, String applicationName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select count(*) from pg_stat_activity where application_name = ? and query = 'listen openbpo_principals'""")) {
            statement.setString(1, applicationName);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
