package org.openbpo.cli;

import org.openbpo.OpenBpoApplication;
import org.openbpo.shared.database.DatabaseSettings;
import org.openbpo.shared.database.EmbeddedDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts OpenBPO: the database (the configured external PostgreSQL, or the embedded one with its
 * data in a local folder) and then the application on top of it; stops both in reverse order.
 */
final class Platform implements AutoCloseable {

    private final EmbeddedDatabase embedded;
    private final ConfigurableApplicationContext context;
    private boolean closed;

    private Platform(EmbeddedDatabase embedded, ConfigurableApplicationContext context) {
        this.embedded = embedded;
        this.context = context;
    }

    static Platform start(Path dataDirectory, Map<String, Object> properties, String... profiles) {
        return start(dataDirectory, properties, Map.of(), profiles);
    }

    /** {@code serverSettings} apply to the embedded PostgreSQL only. */
    static Platform start(Path dataDirectory, Map<String, Object> properties, Map<String, String> serverSettings,
                          String... profiles) {
        EmbeddedDatabase embedded = null;
        DatabaseSettings settings;
        String externalUrl = setting("OPENBPO_DB_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            String applicationPassword = setting("OPENBPO_DB_APP_PASSWORD");
            settings = new DatabaseSettings(externalUrl, envOr("OPENBPO_DB_USER", "openbpo"), envOr("OPENBPO_DB_PASSWORD", ""),
                    applicationPassword == null || applicationPassword.isEmpty() ? null : applicationPassword);
            System.out.println("Using the PostgreSQL at " + externalUrl);
            if (!settings.applicationLogsIn()) {
                System.out.println("The application's connections log in as " + settings.owner() + " and switch to "
                        + DatabaseSettings.APPLICATION_ROLE + "; give that role a login and set OPENBPO_DB_APP_PASSWORD so they"
                        + " cannot switch back to the owner.");
            }
        } else {
            System.out.println("Starting the embedded PostgreSQL (data in " + dataDirectory.toAbsolutePath() + ")…");
            embedded = EmbeddedDatabase.start(dataDirectory, 0, EmbeddedDatabase.Durability.DURABLE, serverSettings);
            settings = embedded.settings();
        }
        Map<String, Object> defaults = new HashMap<>(settings.springProperties());
        String listenUrl = setting("OPENBPO_DB_LISTEN_URL");
        if (listenUrl != null && !listenUrl.isBlank()) {
            defaults.put(DatabaseSettings.LISTEN_URL, listenUrl);
        }
        if ("json".equalsIgnoreCase(System.getenv("OPENBPO_LOG_FORMAT"))) {
            // One JSON object per line (Elastic Common Schema), with the request id from the MDC.
            defaults.put("logging.structured.format.console", "ecs");
        }
        try {
            SpringApplication application = new SpringApplication(OpenBpoApplication.class);
            application.setDefaultProperties(defaults);
            application.setAdditionalProfiles(profiles);
            application.setRegisterShutdownHook(false);
            // What the command line asked for (port, log level) outranks application.properties.
            String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
            ConfigurableApplicationContext context = application.run(arguments);
            return new Platform(embedded, context).closeOnShutdown();
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    /** Stops the application and then the database when the process is asked to end (Ctrl-C), whatever command runs. */
    private Platform closeOnShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "openbpo-shutdown"));
        return this;
    }

    void awaitShutdown() throws InterruptedException {
        Thread.currentThread().join();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Spring's own shutdown hook may be closing the context at this moment; close() waits for it to finish.
        context.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    /**
     * A setting from the environment, or else from the JVM system property of the same name (how a
     * test points a command at its own database: a running JVM cannot change its environment).
     */
    private static @org.jspecify.annotations.Nullable String setting(String name) {
        String value = System.getenv(name);
        return value != null ? value : System.getProperty(name);
    }

    private static String envOr(String name, String fallback) {
        String value = setting(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
