package org.openbpo.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Posts that arrive while others are being written wait for the next transaction and are
 * written together with them: one statement and one commit (one fsync) for the lot instead of
 * one each. Nobody waits on a timer: a writer takes whatever has queued up the moment it is free,
 * so a lone post goes alone at once, and under load the batches grow by themselves. Each caller
 * still gets its own answer (its entry, a replay of its key, or its own refusal); how a batch is
 * written so that one post's failure cannot take the others with it is {@link Journal}'s business.
 */
final class PostingBatches {

    /**
     * One caller's post, answered when its batch has committed (or failed): with its new entry, or
     * empty when its key was already taken (by an earlier post, or by another post of its batch); the
     * caller then reads the first entry itself, so that the writer is not held up by that read.
     */
    record Request(UUID client, PostEntry command, String by, CompletableFuture<Optional<Posted>> answer) {
    }

    private final LinkedBlockingQueue<Request> waiting = new LinkedBlockingQueue<>();
    private final int writers;
    private final int largest;
    private final Consumer<List<Request>> write;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean started;
    private volatile boolean stopping;

    /**
     * @param writers how many batches may be written at once (each holds a connection)
     * @param largest the most posts in one batch
     * @param write   writes a batch and answers every request in it
     */
    PostingBatches(int writers, int largest, Consumer<List<Request>> write) {
        this.writers = writers;
        this.largest = largest;
        this.write = write;
    }

    /** The new entry, or empty when the command's key was taken before (the first entry answers it). */
    Optional<Posted> post(UUID client, PostEntry command, String by) {
        if (!started) {
            startIfNeeded();
        }
        if (stopping) {
            throw new IllegalStateException("The ledger is shutting down; post again on another node.");
        }
        Request request = new Request(client, command, by, new CompletableFuture<>());
        waiting.add(request);
        if (stopping && waiting.remove(request)) {
            // stop() began after the check above and may already have answered what waited: nobody would answer this one.
            throw new IllegalStateException("The ledger is shutting down; post again on another node.");
        }
        try {
            return request.answer().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException refused) {
                // The writer's exception, thrown again here so that the caller's stack shows where it posted.
                refused.addSuppressed(new Exception("posted from here"));
                throw refused;
            }
            throw failed;
        }
    }

    private synchronized void startIfNeeded() {
        if (!threads.isEmpty() || stopping) {
            return;
        }
        for (int i = 0; i < writers; i++) {
            Thread thread = Thread.ofPlatform().daemon().name("ledger-posting-" + i).start(this::writeWhatWaits);
            threads.add(thread);
        }
        started = true;
    }

    private void writeWhatWaits() {
        List<Request> batch = new ArrayList<>(largest);
        while (!stopping || !waiting.isEmpty()) {
            Request first;
            try {
                first = waiting.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (first == null) {
                continue;
            }
            batch.add(first);
            waiting.drainTo(batch, largest - 1);
            try {
                write.accept(batch);
            } catch (Throwable failed) {
                batch.forEach(request -> request.answer().completeExceptionally(failed));
            }
            batch.clear();
        }
    }

    /** Writes what already waits, then stops; later posts are refused. */
    synchronized void stop() {
        stopping = true;
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Request left;
        while ((left = waiting.poll()) != null) {
            left.answer().completeExceptionally(new IllegalStateException("The ledger shut down before this entry was posted."));
        }
    }
}
