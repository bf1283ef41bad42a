package org.openbpo.work.bench;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.bench.BenchReport;
import org.openbpo.shared.bench.Latencies;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives lifecycles (create, get next, complete) through an engine on worker threads and times
 * every step. Each worker creates one item, then asks for work until it gets an item (often one
 * another worker created), and completes it; so work created always covers work asked for, and
 * the same harness serves OpenBPO and its peer.
 */
final class LifecycleRun {

    /** One engine's three steps, called on the worker's own thread. */
    interface Engine {
        void create(int worker) throws Exception;

        /** The claimed item, or null when none is free at this moment. */
        @Nullable Object next(int worker) throws Exception;

        void complete(int worker, Object claimed) throws Exception;

        /**
         * Waits until what the engine does after a lifecycle's transactions (billing, quality and
         * support acting on completed work) is done, so that its cost counts in the run's time.
         */
        default void awaitAfterEffects() throws Exception {
        }
    }

    record Result(String engine, int lifecycles, double seconds, Latencies create, Latencies next, Latencies complete,
                  Latencies endToEnd, long emptyPolls) {

        double perSecond() {
            return lifecycles / seconds;
        }

        void addTo(BenchReport report) {
            report.figure(engine + " lifecycles/s", perSecond(), "items/s")
                    .figure(engine + " elapsed", seconds, "s");
            create.addTo(report);
            next.addTo(report);
            complete.addTo(report);
            endToEnd.addTo(report);
            report.figure(engine + " empty get-next polls", emptyPolls, "calls");
        }
    }

    private LifecycleRun() {
    }

    static Result run(String name, Engine engine, int lifecycles, int threads) throws Exception {
        Latencies create = new Latencies(name + " create");
        Latencies next = new Latencies(name + " get-next");
        Latencies complete = new Latencies(name + " complete");
        Latencies endToEnd = new Latencies(name + " end-to-end");
        AtomicInteger remaining = new AtomicInteger(lifecycles);
        AtomicLong emptyPolls = new AtomicLong();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                int worker = w;
                workers.add(pool.submit(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        long t0 = System.nanoTime();
                        engine.create(worker);
                        long t1 = System.nanoTime();
                        Object claimed;
                        int polls = 0;
                        while ((claimed = engine.next(worker)) == null) {
                            if (++polls > 10_000) {
                                throw new IllegalStateException(name + ": no work after 10,000 get-next calls");
                            }
                            emptyPolls.incrementAndGet();
                            Thread.onSpinWait();
                        }
                        long t2 = System.nanoTime();
                        engine.complete(worker, claimed);
                        long t3 = System.nanoTime();
                        create.record(t1 - t0);
                        next.record(t2 - t1);
                        complete.record(t3 - t2);
                        endToEnd.record(t3 - t0);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        engine.awaitAfterEffects();
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(name, lifecycles, seconds, create, next, complete, endToEnd, emptyPolls.get());
    }
}
