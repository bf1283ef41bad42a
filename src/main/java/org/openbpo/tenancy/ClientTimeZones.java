package org.openbpo.tenancy;

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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tells this node when what it worked out in a client's time zone and kept may be out of date, whichever node changed
 * the zone. The database announces each change on the channel {@code openbpo_client_zones} as it commits (migration
 * V1_6), and one connection of its own listens. Whatever is kept goes with the client's {@linkplain #generation
 * generation} read before it was worked out, and is used only while that is {@linkplain #current current}: a
 * change of zone moves the client's generation on; while the connection is down nothing is current, and once it is
 * back every client's generation moves on, since announcements made meanwhile were missed.
 */
@Component
public class ClientTimeZones implements SmartLifecycle {

    public static final long NOT_LISTENING = -1;

    private static final Logger log = LoggerFactory.getLogger(ClientTimeZones.class);
    private static final String CHANNEL = "openbpo_client_zones";

    private final DatabaseSettings database;
    private final AtomicLong counter = new AtomicLong();
    private final Map<UUID, Long> changed = new ConcurrentHashMap<>();
    private volatile long everyClient;
    private volatile boolean listening;
    private volatile boolean running;
    private @Nullable ChannelListener listener;

    ClientTimeZones(Environment environment) {
        this.database = DatabaseSettings.forListening(environment);
    }

    /** The generation of what this node knows of the client's time zone, or {@link #NOT_LISTENING} while changes could go unnoticed. */
    public long generation(UUID clientId) {
        if (!listening) {
            return NOT_LISTENING;
        }
        Long ofClient = changed.get(clientId);
        return ofClient == null ? everyClient : Math.max(ofClient, everyClient);
    }

    /** Whether what was worked out in the client's time zone under {@code generation} may still be used. */
    public boolean current(UUID clientId, long generation) {
        return generation != NOT_LISTENING && generation == generation(clientId);
    }

    /** This node sees the change as soon as the caller's transaction commits, without waiting for its announcement. */
    void changedOnCommit(UUID clientId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    changed.put(clientId, counter.incrementAndGet());
                }
            });
        } else {
            changed.put(clientId, counter.incrementAndGet());
        }
    }

    @Override
    public void start() {
        running = true;
        listener = ChannelListener.start(database, CHANNEL, new ChannelListener.Receiver() {
            @Override
            public void listening() {
                everyClient = counter.incrementAndGet();
                changed.clear();
                listening = true;
            }

            @Override
            public void announced(List<String> payloads) {
                for (String client : payloads) {
                    try {
                        changed.put(UUID.fromString(client), counter.incrementAndGet());
                    } catch (IllegalArgumentException e) {
                        everyClient = counter.incrementAndGet(); // no client named: any may have changed
                    }
                }
            }

            @Override
            public void deaf(@Nullable SQLException cause) {
                listening = false;
                everyClient = counter.incrementAndGet();
                if (cause != null) {
                    log.warn("Listening for clients' time zone changes failed; working contract terms out afresh for every item until it is back: {}",
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
