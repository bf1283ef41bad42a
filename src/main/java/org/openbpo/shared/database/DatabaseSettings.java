package org.openbpo.shared.database;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connection settings for one run: migrations connect as the database owner; the application pool
 * connects as the {@code openbpo_app} role, which owns nothing and which row-level security binds.
 * <p>
 * With an {@code applicationPassword} the pool logs in as that role itself, so a connection can never
 * become the owner again ({@code RESET ROLE} returns to the role it logged in as). Without one (an
 * external database set up before the role could log in) the pool logs in as the owner and switches
 * every connection to the role with {@code SET ROLE}, which keeps row-level security but leaves the
 * owner's rights one {@code RESET ROLE} away.
 */
public record DatabaseSettings(String url, String owner, String password, @Nullable String applicationPassword) {

    public static final String APPLICATION_ROLE = "openbpo_app";
    /**
     * The database's own address for connections that LISTEN, when {@code spring.datasource.url} goes
     * through a pooler in transaction mode (PgBouncer's usual set-up), which passes no notifications on.
     */
    public static final String LISTEN_URL = "openbpo.database.listen-url";

    /** The owner logs in and switches to the application role. */
    public DatabaseSettings(String url, String owner, String password) {
        this(url, owner, password, null);
    }

    /** The settings the running application was started with, as Spring holds them: the owner is the migrations' user. */
    public static DatabaseSettings of(Environment environment) {
        return new DatabaseSettings(environment.getRequiredProperty("spring.datasource.url"),
                environment.getProperty("spring.flyway.user", environment.getRequiredProperty("spring.datasource.username")),
                environment.getProperty("spring.flyway.password", environment.getProperty("spring.datasource.password", "")));
    }

    /** The settings for a connection that LISTENs: {@value #LISTEN_URL} when it is set, else the pool's address. */
    public static DatabaseSettings forListening(Environment environment) {
        DatabaseSettings pooled = of(environment);
        String direct = environment.getProperty(LISTEN_URL, "");
        return direct.isBlank() ? pooled : pooled.at(direct);
    }

    /** Whether the application's connections log in as the application role (rather than switching to it). */
    public boolean applicationLogsIn() {
        return applicationPassword != null;
    }

    /** The same logins at another address: the database itself past a pooler, or another database of the server. */
    public DatabaseSettings at(String otherUrl) {
        return new DatabaseSettings(otherUrl, owner, password, applicationPassword);
    }

    /** A connection of its own as the owner, outside the application's pool. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, owner, password);
    }

    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        if (applicationPassword != null) {
            properties.put("spring.datasource.username", APPLICATION_ROLE);
            properties.put("spring.datasource.password", applicationPassword);
        } else {
            properties.put("spring.datasource.username", owner);
            properties.put("spring.datasource.password", password);
            properties.put("spring.datasource.hikari.connection-init-sql", "set role " + APPLICATION_ROLE);
        }
        properties.put("spring.flyway.url", url);
        properties.put("spring.flyway.user", owner);
        properties.put("spring.flyway.password", password);
        return properties;
    }
}
