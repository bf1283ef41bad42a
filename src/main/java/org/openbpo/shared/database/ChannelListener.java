package org.openbpo.shared.database;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * Listens to one channel the database announces changes on, on a connection of its own outside the pool, and tells
 * its receiver what it hears. Announcements made while it is not listening are lost, so the receiver is also told
 * when it starts listening (again) and when it stops; a lost connection is tried again every second.
 */
public final class ChannelListener {

    /** What a node does with the announcements of one channel. */
    public interface Receiver {

        /** Listening now; whatever was announced before may have been missed. */
        void listening();

        /** Announcements as they came, each with its payload (empty when it had none). */
        void announced(List<String> payloads);

        /** No longer listening, because the connection failed ({@code cause}) or this node stops; announcements go unheard. */
        void deaf(@Nullable SQLException cause);
    }

    private static final int WAIT_MILLIS = 1_000;

    private final DatabaseSettings database;
    private final String channel;
    private final Receiver receiver;
    private volatile boolean running = true;
    private final Thread thread;

    private ChannelListener(DatabaseSettings database, String channel, Receiver receiver) {
        this.database = database;
        this.channel = channel;
        this.receiver = receiver;
        this.thread = Thread.ofPlatform().daemon().name(channel.replace('_', '-')).start(this::listen);
    }

    /** Starts listening to {@code channel} (a plain identifier) at the database's address for listening. */
    public static ChannelListener start(DatabaseSettings database, String channel, Receiver receiver) {
        return new ChannelListener(database, channel, receiver);
    }

    public void stop() {
        running = false;
        thread.interrupt();
    }

    private void listen() {
        while (running) {
            SQLException failure = null;
            try (Connection connection = database.connect()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + channel);
                }
                PGConnection notices = connection.unwrap(PGConnection.class);
                receiver.listening();
                while (running) {
                    PGNotification[] received = notices.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        receiver.announced(Arrays.stream(received).map(PGNotification::getParameter).toList());
                    }
                }
            } catch (SQLException e) {
                failure = running ? e : null;
            } finally {
                receiver.deaf(failure);
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
