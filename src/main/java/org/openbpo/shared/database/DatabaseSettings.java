package org.openbpo.shared.database;

import org.springframework.core.env.Environment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Connection settings for one run: migrations connect as the database owner, the application
 * pool switches every connection to the {@code openbpo_app} role, which row-level security binds.
 */
public record DatabaseSettings(String url, String owner, String password) {

    public static final String APPLICATION_ROLE = "openbpo_app";
    /**
     * The database's own address for connections that LISTEN, when {@code spring.datasource.url} goes
     * through a pooler in transaction mode (PgBouncer's usual set-up), which passes no notifications on.
     */
    public static final String LISTEN_URL = "openbpo.database.listen-url";

    /** The settings the running application was started with, as Spring holds them. */
    public static DatabaseSettings of(Environment environment) {
        return new DatabaseSettings(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""));
    }

    /** The settings for a connection that LISTENs: {@value #LISTEN_URL} when it is set, else the pool's address. */
    public static DatabaseSettings forListening(Environment environment) {
        DatabaseSettings pooled = of(environment);
        String direct = environment.getProperty(LISTEN_URL, "");
        return direct.isBlank() ? pooled : pooled.at(direct);
    }

    /** The same owner at another address: the database itself past a pooler, or another database of the server. */
    public DatabaseSettings at(String otherUrl) {
        return new DatabaseSettings(otherUrl, owner, password);
    }

    /** A connection of its own as the owner, outside the application's pool. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, owner, password);
    }

    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", owner);
        properties.put("spring.datasource.password", password);
        properties.put("spring.datasource.hikari.connection-init-sql", "set role " + APPLICATION_ROLE);
        properties.put("spring.flyway.url", url);
        properties.put("spring.flyway.user", owner);
        properties.put("spring.flyway.password", password);
        return properties;
    }
}
