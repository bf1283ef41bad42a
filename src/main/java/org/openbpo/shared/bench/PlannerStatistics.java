package org.openbpo.shared.bench;

import org.openbpo.shared.database.DatabaseSettings;
import org.springframework.core.env.Environment;

import java.sql.Connection;
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
        refresh(DatabaseSettings.of(environment));
    }

    /** Analyzes every table of the database that the settings' owner owns. */
    public static void refresh(DatabaseSettings database) throws SQLException {
        try (Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            statement.execute("analyze");
        }
    }
}
