package org.openbpo.tenancy.persistence;

import org.openbpo.shared.database.DatabaseSettings;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells this node when what it remembers of API tokens and their users may be out of date. The
 * database announces every such change on the channel {@code openbpo_principals} as it commits
 * (migration V1_5), wherever it was made; one connection of its own, outside the pool, listens.
 * Each announcement moves the {@linkplain #generation() generation} on, and anything remembered
 * under an older generation is no longer used. While the connection is down nothing is remembered
 * at all ({@code -1}), and after it comes back the generation moves on, since announcements made
 * meanwhile were missed.
 * <p>
 * A pooler in transaction mode (PgBouncer's usual set-up) does not pass notifications on, so when
 * {@code spring.datasource.url} points at one, {@value DatabaseSettings#LISTEN_URL} (or {@code OPENBPO_DB_LISTEN_URL})
 * gives the database's own address for this one connection.
 */
@Component
public class PrincipalChanges implements SmartLifecycle {

    public static final long NOT_LISTENING = -1;

    private static final Logger log = LoggerFactory.getLogger(PrincipalChanges.class);
    private static final String CHANNEL = "openbpo_principals";
    private static final int WAIT_MILLIS = 1_000;

    private final DatabaseSettings database;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean running;
    private Thread listener;

    PrincipalChanges(Environment environment) {
        this.database = DatabaseSettings.forListening(environment);
    }

    /** The current generation, or {@link #NOT_LISTENING} while changes could go unnoticed. */
    public long generation() {
        long current = generation.get();
        return listening ? current : NOT_LISTENING;
    }

    /** Forgets what this node remembers once the caller's transaction commits (at once without one). */
    public void changedOnCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    generation.incrementAndGet();
                }
            });
        } else {
            generation.incrementAndGet();
        }
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().daemon().name("principal-changes").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        listening = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = database.connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection notices = connection.unwrap(PGConnection.class);
                generation.incrementAndGet();
                listening = true;
                while (running) {
                    PGNotification[] received = notices.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        generation.incrementAndGet();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Listening for token and user changes failed; checking every token against the database until it is back: {}",
                            e.getMessage());
                }
            } finally {
                listening = false;
                generation.incrementAndGet();
            }
            pause();
        }
    }

    private void pause() {
        try {
            Thread.sleep(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
