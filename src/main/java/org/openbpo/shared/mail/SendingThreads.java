package org.openbpo.shared.mail;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads on which a node sends mail as soon as it is queued, rather than on the sender's
 * next tick. Only a few send at once, so a month end's hundreds of invoices, or a slow mail
 * server, never take more of the node than that; a few hundred more wait their turn in line.
 * What finds the line full, or the node shutting down, stays in its outbox for the next tick on
 * whichever node runs it: nothing is lost by refusing it here.
 */
public final class SendingThreads {

    private final ThreadPoolExecutor pool;

    /**
     * @param name    the threads' name, for thread dumps
     * @param sending how many send at once
     * @param waiting how many may wait their turn
     */
    public SendingThreads(String name, int sending, int waiting) {
        pool = new ThreadPoolExecutor(sending, sending, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(waiting),
                Thread.ofVirtual().name(name + "-", 0).factory());
        pool.allowCoreThreadTimeOut(true);
    }

    /** Starts the sending on a thread of its own, or answers false when it must wait for the next tick instead. */
    public boolean offer(Runnable sending) {
        try {
            pool.execute(sending);
            return true;
        } catch (RejectedExecutionException busyOrStopping) {
            return false;
        }
    }

    /** Refuses new sendings; those under way finish. */
    public void stop() {
        pool.shutdown();
    }
}
