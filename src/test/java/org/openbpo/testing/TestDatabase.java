package org.openbpo.testing;

import org.openbpo.shared.database.DatabaseSettings;
import org.openbpo.shared.database.EmbeddedDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The one embedded PostgreSQL all tests of a run share, started on first use. Tests keep apart
 * by creating their own clients, never by wiping data, so they also prove isolation.
 */
public final class TestDatabase {

    private static EmbeddedDatabase database;

    private TestDatabase() {
    }

    public static synchronized EmbeddedDatabase get() {
        if (database == null) {
            Path folder = Path.of("target", "test-db-" + ProcessHandle.current().pid());
            database = EmbeddedDatabase.start(folder, Path.of("target", "pg-binaries"), 0, EmbeddedDatabase.Durability.EPHEMERAL);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                awaitApplicationShutdown();
                database.close();
                deleteQuietly(folder);
            }, "openbpo:test-database-shutdown"));
        }
        return database;
    }

    /**
     * The JVM runs its shutdown hooks at once. The test contexts close in Spring's hook and still use the
     * database while they stop (the event publication registry reads it); stopping it under them made
     * the pool wait for a connection until the test JVM was killed.
     */
    private static void awaitApplicationShutdown() {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(500);
        while (System.nanoTime() < until) {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().equals("SpringApplicationShutdownHook")) {
                    try {
                        thread.join(20_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                }
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = java.nio.file.Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException | RuntimeException ignored) {
            // a leftover folder under target/ is harmless
        }
    }

    public static DatabaseSettings settings() {
        return get().settings();
    }

    /**
     * A connection of its own as the application's role, which row-level security applies to, as it
     * applies to the application's pool; it sees no client's rows until a transaction names them.
     */
    public static Connection asApplicationRole() throws SQLException {
        DatabaseSettings settings = settings();
        return DriverManager.getConnection(settings.url(), DatabaseSettings.APPLICATION_ROLE, settings.applicationPassword());
    }
}
