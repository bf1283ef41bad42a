package org.openbpo.tenancy.persistence;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.database.ChannelListener;
import org.openbpo.shared.database.DatabaseSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.SQLException;
import java.util.List;
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

    private final DatabaseSettings database;
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;
    private volatile boolean running;
    private @Nullable ChannelListener listener;

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
        listener = ChannelListener.start(database, CHANNEL, new ChannelListener.Receiver() {
            @Override
            public void listening() {
                generation.incrementAndGet();
                listening = true;
            }

            @Override
            public void announced(List<String> payloads) {
                generation.incrementAndGet();
            }

            @Override
            public void deaf(@Nullable SQLException cause) {
                listening = false;
                generation.incrementAndGet();
                if (cause != null) {
                    log.warn("Listening for token and user changes failed; checking every token against the database until it is back: {}",
                            cause.getMessage());
                }
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        listening = false;
        if (listener != null) {
            listener.stop();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
