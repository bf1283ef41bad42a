package org.openbpo.shared.bench;

import org.springframework.core.env.Environment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives a benchmark's freshly created tables the planner statistics a running provider's database
 * has. A benchmark starts on empty tables and measures within a minute, before autovacuum's first
 * pass; until then every plan PostgreSQL caches on a pooled connection (prepared statements' generic
 * plans, the foreign keys' look-ups) is made for tables it believes empty, and such a plan can read a
 * whole client's rows where an index probe would do. {@code ANALYZE} records what the warm-up wrote
 * and invalidates those cached plans, so the measured phase runs on the plans a live system uses.
 * Runs as the schema owner, who alone may analyze every table.
 */
public final class PlannerStatistics {

    private PlannerStatistics() {
    }

    /** Analyzes every table of the application's database. */
    public static void refresh(Environment environment) throws SQLException {
        refresh(environment.getRequiredProperty("spring.datasource.url"),
                environment.getRequiredProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password", ""));
    }

    /** Analyzes every table of the database at {@code url} that {@code user} owns. */
    public static void refresh(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("analyze");
        }
    }
}
