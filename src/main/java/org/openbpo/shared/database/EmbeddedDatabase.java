package org.openbpo.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The PostgreSQL server OpenBPO starts for itself when no external database is configured.
 * <p>
 * It creates the database owner role (which runs the migrations), the application role the pool logs
 * in as (see {@link DatabaseSettings}) and the database.
 * {@link Durability#DURABLE} keeps fsync, synchronous commit and full-page writes on, as the
 * demo, the server and every benchmark need; {@link Durability#EPHEMERAL} is for tests only.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "openbpo";
    public static final String OWNER = "openbpo";
    public static final String OWNER_PASSWORD = "openbpo";
    /** The application role logs in with it; the server listens on the loopback interface only. */
    public static final String APPLICATION_PASSWORD = "openbpo-app";

    public enum Durability { DURABLE, EPHEMERAL }

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDirectory, int port, Durability durability) {
        return start(dataDirectory, dataDirectory.resolve("bin"), port, durability, Map.of());
    }

    /** Starts with the server's binaries unpacked in {@code binaries}, which several servers may share. */
    public static EmbeddedDatabase start(Path dataDirectory, Path binaries, int port, Durability durability) {
        return start(dataDirectory, binaries, port, durability, Map.of());
    }

    /** With extra server settings, such as the statistics a benchmark reads. */
    public static EmbeddedDatabase start(Path dataDirectory, int port, Durability durability, Map<String, String> settings) {
        return start(dataDirectory, dataDirectory.resolve("bin"), port, durability, settings);
    }

    public static EmbeddedDatabase start(Path dataDirectory, Path binaries, int port, Durability durability,
                                         Map<String, String> settings) {
        try {
            Files.createDirectories(dataDirectory);
            String onOff = durability == Durability.DURABLE ? "on" : "off";
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.resolve("pg"))
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setCleanDataDirectory(false)
                    // The JVM runs its shutdown hooks at once: one of PostgreSQL's own would stop it while the application
                    // still closes on it (the pool then waits 30 s for a connection). Whoever starts it stops it, afterwards.
                    .setRegisterShutdownHook(false)
                    .setServerConfig("fsync", onOff)
                    .setServerConfig("synchronous_commit", onOff)
                    .setServerConfig("full_page_writes", onOff)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("shared_buffers", "512MB")
                    .setServerConfig("max_wal_size", "4GB")
                    .setServerConfig("timezone", "UTC")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            settings.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres);
            database.createOwnerAndDatabase();
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start in " + dataDirectory, e);
        }
    }

    private void createOwnerAndDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            var roles = statement.executeQuery("select 1 from pg_roles where rolname = '" + OWNER + "'");
            if (!roles.next()) {
                // The owner is deliberately not a superuser: row-level security must apply to everyone but postgres.
                statement.execute("create role " + OWNER + " login createrole password '" + OWNER_PASSWORD + "'");
            }
            var application = statement.executeQuery("select 1 from pg_roles where rolname = '" + DatabaseSettings.APPLICATION_ROLE + "'");
            if (application.next()) {
                // created by the migrations (nologin) on a data directory from before the role logged in
                statement.execute("alter role " + DatabaseSettings.APPLICATION_ROLE + " login password '" + APPLICATION_PASSWORD + "'");
            } else {
                statement.execute("create role " + DatabaseSettings.APPLICATION_ROLE + " login password '" + APPLICATION_PASSWORD + "'");
                // the owner's migrations grant it to themselves and its privileges, as they would had they created it
                statement.execute("grant " + DatabaseSettings.APPLICATION_ROLE + " to " + OWNER + " with admin option");
            }
            var databases = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!databases.next()) {
                statement.execute("create database " + DATABASE + " owner " + OWNER);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the OpenBPO database: " + e.getMessage(), e);
        }
    }

    /** The owner runs the migrations; the application's pool logs in as the application role. */
    public DatabaseSettings settings() {
        return new DatabaseSettings(jdbcUrl(), OWNER, OWNER_PASSWORD, APPLICATION_PASSWORD);
    }

    /** The database's address, naming no user: each connection logs in as the user it is given. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    /** A connection as the server's superuser, for administration tests only. */
    public Connection superuserConnection() throws SQLException {
        return postgres.getDatabase("postgres", DATABASE).getConnection();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
